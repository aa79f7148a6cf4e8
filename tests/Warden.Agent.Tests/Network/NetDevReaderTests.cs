using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Network;

namespace Warden.Agent.Tests.Network;

public class NetDevReaderTests
{
    [Fact]
    public void Times_the_interval_between_reads_with_the_injected_clock()
    {
        using var proc = TestTrees.CopyOfProc(TestTrees.Cgroup2Host);
        var time = new FakeTimeProvider();
        using var reader = new NetDevReader(proc.Path, time);
        Assert.True(reader.TryRead(out _));
        Assert.Equal(TimeSpan.Zero, reader.Elapsed);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(reader.TryRead(out _));
        Assert.Equal(TimeSpan.FromSeconds(5), reader.Elapsed);
        Assert.Equal(4, reader.Table.Interfaces.Count);
    }

    [Fact]
    public void A_missing_file_is_a_problem_not_a_crash()
    {
        using var scratch = TestTrees.Scratch();
        using var reader = new NetDevReader(scratch.Path, TimeProvider.System);
        Assert.False(reader.TryRead(out var problem));
        Assert.Contains("does not exist", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_garbage_is_a_problem()
    {
        using var scratch = TestTrees.Scratch();
        Directory.CreateDirectory(scratch.File("net"));
        File.WriteAllBytes(scratch.File("net/dev"), [0xff, 0x00, (byte)':', 0x0a]);
        using var reader = new NetDevReader(scratch.Path, TimeProvider.System);
        Assert.False(reader.TryRead(out var problem));
        Assert.Contains("no interface line", problem, StringComparison.Ordinal);
    }
}

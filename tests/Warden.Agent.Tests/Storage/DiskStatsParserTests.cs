using System.Text;
using Warden.Agent.Procfs;
using Warden.Agent.Storage;

namespace Warden.Agent.Tests.Storage;

public class DiskStatsParserTests
{
    [Fact]
    public void Reads_vda_of_the_cgroup2_fixture_with_its_17_fields()
    {
        var vda = Find(TestTrees.Cgroup2Host, "vda");
        Assert.Equal(new DiskCounters(2854, 1286186, 1655, 36, 496, 2, 0, 876, 1659, 7, 0), vda);
    }

    [Fact]
    public void Reads_vda_of_the_cgroup1_fixture_including_discards()
    {
        var vda = Find(TestTrees.Cgroup1Host, "vda");
        Assert.Equal(new DiskCounters(40127, 3079170, 23611, 28004, 5527384, 25678, 0, 11292, 50352, 7848, 907), vda);
    }

    [Fact]
    public void Reads_every_line_of_this_machines_live_diskstats()
    {
        var lines = File.ReadAllLines("/proc/diskstats").Where(l => l.Length > 0).ToArray();
        foreach (var line in lines)
        {
            Assert.True(DiskStatsParser.TryParseLine(Encoding.ASCII.GetBytes(line), out var name, out _), line);
            Assert.Equal(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], Encoding.ASCII.GetString(name));
        }
    }

    [Fact]
    public void An_old_kernel_with_eleven_counters_has_no_discards()
    {
        Assert.True(DiskStatsParser.TryParseLine("   8       0 sda 1 2 3 4 5 6 7 8 9 10 11"u8, out var name, out var c));
        Assert.True(name.SequenceEqual("sda"u8));
        Assert.Equal(new DiskCounters(1, 3, 4, 5, 7, 8, 9, 10, 11, 0, 0), c);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   8       0 sda 1 2 3 4 5 6 7 8 9 10")]                       // truncated: ten counters
    [InlineData("   8       0")]
    [InlineData("   8       0 sda 1 2 3 4 5 6 7 8 9 10 x")]                     // garbage counter
    [InlineData("   8       0 sda 1 2 18446744073709551616 4 5 6 7 8 9 10 11")] // beyond 64 bits
    [InlineData("   8       0 sda -1 2 3 4 5 6 7 8 9 10 11")]
    [InlineData("major minor sda 1 2 3 4 5 6 7 8 9 10 11")]
    public void Rejects_broken_lines(string line)
    {
        Assert.False(DiskStatsParser.TryParseLine(Encoding.ASCII.GetBytes(line), out _, out _));
    }

    private static DiskCounters Find(string host, string disk)
    {
        ReadOnlySpan<byte> text = TestTrees.ProcBytes(host, "diskstats");
        while (!text.IsEmpty)
        {
            if (DiskStatsParser.TryParseLine(SpanFields.NextLine(ref text), out var name, out var counters)
                && name.SequenceEqual(Encoding.ASCII.GetBytes(disk)))
            {
                return counters;
            }
        }
        throw new InvalidOperationException($"{disk} not in {host}");
    }
}

using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Network;
using Warden.Agent.Network;

namespace Warden.Agent.Tests.Checks.Network;

public class InterfaceErrorsCheckTests
{
    private static readonly Threshold Default = new(1, 5);

    [Theory]
    [InlineData(1000UL, 0UL, 0UL, "Ok", 0.0)]
    [InlineData(991UL, 5UL, 4UL, "Ok", 0.9)]       // just under the warn level
    [InlineData(990UL, 6UL, 4UL, "Warn", 1.0)]     // exactly the warn level
    [InlineData(951UL, 40UL, 9UL, "Warn", 4.9)]
    [InlineData(950UL, 30UL, 20UL, "Crit", 5.0)]   // exactly the crit level
    [InlineData(0UL, 500UL, 0UL, "Crit", 100.0)]   // a NIC that passes nothing
    [InlineData(60UL, 20UL, 19UL, "Ok", 39.39)]    // 99 frames: under the floor of 100, not judged
    public void Judges_failed_frames_as_a_share_of_all_frames(ulong packets, ulong errors, ulong drops, string expected, double pct)
    {
        var delta = new NetDevCounters(0, packets, errors, 0, 0, 0, 0, drops);
        var result = InterfaceErrorsCheck.Judge(delta, TimeSpan.FromSeconds(5), Default, minFrames: 100);
        Assert.Equal(Enum.Parse<CheckStatus>(expected), result.Status);
        Assert.Equal(pct, result.Value, 2);
        Assert.Equal("warn ≥ 1 %, crit ≥ 5 %", result.Threshold);
    }

    [Fact]
    public void Absurd_counts_do_not_wrap_into_a_small_share()
    {
        var result = InterfaceErrorsCheck.Judge(new NetDevCounters(0, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, 0, ulong.MaxValue, 0, 0), TimeSpan.FromSeconds(1), Default, 100);
        Assert.Equal(CheckStatus.Crit, result.Status);
        Assert.Equal(50.0, result.Value, 6);
    }

    [Fact]
    public void The_reason_gives_the_counts_and_the_rate_per_second()
    {
        var result = InterfaceErrorsCheck.Judge(new NetDevCounters(0, 900, 60, 40, 0, 0, 0, 0), TimeSpan.FromSeconds(4), Default, 100);
        Assert.Equal("10 % of 1000 frames failed: 60 errors, 40 drops, 25/s", result.Reason);
    }

    [Fact]
    public void Rates_come_from_two_reads_with_a_fake_clock_and_survive_a_counter_reset()
    {
        using var proc = TestTrees.CopyOfProc(TestTrees.Cgroup1Host);
        var time = new FakeTimeProvider();
        var options = new NetworkCheckOptions();
        using var check = new InterfaceErrorsCheck(options.InterfaceErrors, 100, InterfaceFilter.From(options), new HostPaths(proc.Path, "/nonexistent", "/nonexistent", "/nonexistent"), time);

        // First read: lo and ifb* are ignored by default; eth0 has no interval yet.
        var first = Assert.Single(InterfaceDownCheckTests.Outcomes(check));
        Assert.Equal(("interface_errors:eth0", CheckStatus.Unknown), (first.Key, first.Result.Status));

        WriteDev(proc.Path, packets: 8148 + 1000, errors: 30, drops: 30);
        time.Advance(TimeSpan.FromSeconds(5));
        var second = Assert.Single(InterfaceDownCheckTests.Outcomes(check)).Result;
        Assert.Equal(CheckStatus.Crit, second.Status);
        Assert.Equal(100.0 * 60 / 1060, second.Value, 6);
        Assert.EndsWith(", 12/s", second.Reason, StringComparison.Ordinal);

        WriteDev(proc.Path, packets: 5, errors: 0, drops: 0); // re-created: counters start again
        time.Advance(TimeSpan.FromSeconds(5));
        var reset = Assert.Single(InterfaceDownCheckTests.Outcomes(check)).Result;
        Assert.Equal(CheckStatus.Unknown, reset.Status);
        Assert.Contains("went back", reset.Reason, StringComparison.Ordinal);

        WriteDev(proc.Path, packets: 5 + 2000, errors: 1, drops: 0);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(CheckStatus.Ok, Assert.Single(InterfaceDownCheckTests.Outcomes(check)).Result.Status);
    }

    [Fact]
    public void A_missing_or_garbage_proc_net_dev_is_one_unknown()
    {
        using var proc = TestTrees.Scratch();
        var options = new NetworkCheckOptions();
        var paths = new HostPaths(proc.Path, "/nonexistent", "/nonexistent", "/nonexistent");
        using var check = new InterfaceErrorsCheck(options.InterfaceErrors, 100, InterfaceFilter.From(options), paths, TimeProvider.System);
        var missing = Assert.Single(InterfaceDownCheckTests.Outcomes(check));
        Assert.Equal(("interface_errors", CheckStatus.Unknown), (missing.Key, missing.Result.Status));

        Directory.CreateDirectory(proc.File("net"));
        File.WriteAllText(proc.File("net/dev"), "Inter-|\n face |\n  eth0: 1 2 3\n");
        Assert.Equal(CheckStatus.Unknown, Assert.Single(InterfaceDownCheckTests.Outcomes(check)).Result.Status);
    }

    // The cgroup1 host's /proc/net/dev with eth0's rx packets, rx errors and tx drops replaced.
    private static void WriteDev(string proc, ulong packets, ulong errors, ulong drops)
    {
        var text = new StringBuilder(File.ReadAllText(Path.Combine(TestTrees.Proc(TestTrees.Cgroup1Host), "net", "dev")));
        var eth0 = text.ToString().IndexOf("  eth0:", StringComparison.Ordinal);
        text.Length = eth0;
        text.Append(CultureInfo.InvariantCulture, $"  eth0: 273266172 {packets} {errors} 0 0 0 0 0 636447 6194 0 {drops} 0 0 0 0\n");
        File.WriteAllText(Path.Combine(proc, "net", "dev"), text.ToString());
    }
}

using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.SystemChecks;

namespace Warden.Agent.Tests.Checks.SystemChecks;

/// <summary>oom_kills and swap_activity: deltas and rates of vmstat counters on a fake clock.</summary>
public class VmstatCountingCheckTests
{
    [Fact]
    public void Oom_kills_counts_only_new_kills_warn_at_1_crit_at_5()
    {
        using var proc = TestTrees.Scratch();
        var time = new FakeTimeProvider();
        using var check = new OomKillsCheck(new SystemCheckOptions().OomKills, HostPaths.Live with { Proc = proc.Path }, time);
        var steps = new (ulong OomKill, CheckStatus Expected, double Value)[]
        {
            (7, CheckStatus.Unknown, double.NaN), // kills before the first reading are history
            (7, CheckStatus.Ok, 0),
            (8, CheckStatus.Warn, 1),
            (13, CheckStatus.Crit, 5),
            (13, CheckStatus.Ok, 0),
        };
        foreach (var (oomKill, expected, value) in steps)
        {
            File.WriteAllText(proc.File("vmstat"), $"pgmajfault 1\noom_kill {oomKill}\n");
            var result = CheckRuns.Once(check).Result;
            Assert.Equal(expected, result.Status);
            Assert.Equal(value, result.Value);
            time.Advance(TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public void Oom_kills_on_a_kernel_without_the_counter_is_unknown()
    {
        using var check = new OomKillsCheck(new CheckSettings(), HostPaths.Fixture("/nonexistent"), TimeProvider.System);
        Assert.Equal(CheckStatus.Unknown, CheckRuns.Once(check).Result.Status);
        using var proc = TestTrees.Scratch();
        File.WriteAllText(proc.File("vmstat"), "pgmajfault 1\n");
        using var old = new OomKillsCheck(new CheckSettings(), HostPaths.Live with { Proc = proc.Path }, TimeProvider.System);
        Assert.Contains("no oom_kill", CheckRuns.Once(old).Result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Swap_activity_is_pages_in_plus_out_per_second_on_the_injected_clock()
    {
        using var proc = TestTrees.Scratch();
        var time = new FakeTimeProvider();
        using var check = new SwapActivityCheck(new SystemCheckOptions().SwapActivity, HostPaths.Live with { Proc = proc.Path }, time);
        var steps = new (ulong In, ulong Out, double Seconds, CheckStatus Expected, double Rate)[]
        {
            (100, 100, 0, CheckStatus.Unknown, double.NaN),
            (500, 100, 10, CheckStatus.Ok, 40),        // 400 pages in 10 s
            (1500, 600, 10, CheckStatus.Warn, 150),
            (6500, 10600, 10, CheckStatus.Crit, 1500),
            (1, 1, 10, CheckStatus.Unknown, double.NaN), // counters went back: a new baseline
            (1, 1, 5, CheckStatus.Ok, 0),
        };
        foreach (var (pagesIn, pagesOut, seconds, expected, rate) in steps)
        {
            time.Advance(TimeSpan.FromSeconds(seconds));
            File.WriteAllText(proc.File("vmstat"), $"pswpin {pagesIn}\npswpout {pagesOut}\n");
            var result = CheckRuns.Once(check).Result;
            Assert.Equal(expected, result.Status);
            Assert.Equal(rate, result.Value, 9);
        }
    }

    [Fact]
    public void Swap_activity_without_swap_counters_is_unknown_and_reads_the_fixtures()
    {
        using var proc = TestTrees.Scratch();
        File.WriteAllText(proc.File("vmstat"), "oom_kill 0\n");
        using var noSwap = new SwapActivityCheck(new CheckSettings(), HostPaths.Live with { Proc = proc.Path }, TimeProvider.System);
        Assert.Contains("no pswpin and pswpout", CheckRuns.Once(noSwap).Result.Reason, StringComparison.Ordinal);

        var time = new FakeTimeProvider();
        using var fixture = new SwapActivityCheck(new SystemCheckOptions().SwapActivity, HostPaths.Fixture(Path.Combine(TestTrees.FixtureRoot, TestTrees.Cgroup2Host)), time);
        CheckRuns.Once(fixture);
        time.Advance(TimeSpan.FromSeconds(5));
        var result = CheckRuns.Once(fixture).Result;
        Assert.Equal((CheckStatus.Ok, 0.0), (result.Status, result.Value));
    }

    [Fact]
    public void No_time_passing_is_unknown_not_a_division_by_zero()
    {
        Assert.Equal(CheckStatus.Unknown, SwapActivityCheck.Judge(10, TimeSpan.Zero, new Threshold(100, 1000)).Status);
    }
}

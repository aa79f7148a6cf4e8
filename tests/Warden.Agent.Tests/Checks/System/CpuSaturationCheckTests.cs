using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.SystemChecks;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Checks.SystemChecks;

public class CpuSaturationCheckTests
{
    private static readonly Threshold Levels = new SystemCheckOptions().CpuSaturation.Threshold;

    [Theory]
    [InlineData(50, "OK")]
    [InlineData(90, "WARN")]
    [InlineData(97.9, "WARN")]
    [InlineData(98, "CRIT")]
    [InlineData(100, "CRIT")]
    public void Judges_the_busy_share_against_warn_90_and_crit_98(double busy, string expected)
    {
        var split = new CpuSplit(busy, 0, 0, 100 - busy, 0, 0, 0, 0);
        var result = CpuSaturationCheck.Judge(split, TimeSpan.FromSeconds(5), (-1, double.NaN), Levels);
        Assert.Equal(expected, CheckNames.Of(result.Status));
        Assert.Equal(busy, result.Value, 9);
    }

    [Fact]
    public void Iowait_is_not_busy_but_steal_is()
    {
        var split = new CpuSplit(40, 0, 10, 0, 45, 0, 0, 5);
        var result = CpuSaturationCheck.Judge(split, TimeSpan.FromSeconds(5), (1, 100), Levels);
        Assert.Equal(55, result.Value, 9);
        Assert.Equal(CheckStatus.Ok, result.Status);
        Assert.Contains("busiest cpu1 100 %", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Averages_over_the_interval_between_evaluations_and_names_the_busiest_cpu()
    {
        using var proc = TestTrees.CopyOfProc(TestTrees.Cgroup1Host);
        var time = new FakeTimeProvider();
        using var check = new CpuSaturationCheck(new SystemCheckOptions().CpuSaturation, HostPaths.Live with { Proc = proc.Path }, time);
        WriteStat(proc.Path, new CpuTimes(1000, 0, 0, 1000, 0, 0, 0, 0), new CpuTimes(500, 0, 0, 500, 0, 0, 0, 0), new CpuTimes(500, 0, 0, 500, 0, 0, 0, 0));
        Assert.Equal(CheckStatus.Unknown, CheckRuns.Once(check).Result.Status);

        // 5 s later: cpu0 spent all 500 ticks busy, cpu1 450 of 500; together 95 %.
        time.Advance(TimeSpan.FromSeconds(5));
        WriteStat(proc.Path, new CpuTimes(1950, 0, 0, 1050, 0, 0, 0, 0), new CpuTimes(1000, 0, 0, 500, 0, 0, 0, 0), new CpuTimes(950, 0, 0, 550, 0, 0, 0, 0));
        var outcome = CheckRuns.Once(check);
        Assert.Equal(("cpu_saturation", "", Component.System), (outcome.Check, outcome.Subject, outcome.Component));
        Assert.Equal(CheckStatus.Warn, outcome.Result.Status);
        Assert.Equal(95, outcome.Result.Value, 9);
        Assert.Contains("over 5 s", outcome.Result.Reason, StringComparison.Ordinal);
        Assert.Contains("busiest cpu0 100 %", outcome.Result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_broken_proc_stat_is_unknown()
    {
        using var proc = TestTrees.Scratch();
        using var check = new CpuSaturationCheck(new CheckSettings(), HostPaths.Live with { Proc = proc.Path }, TimeProvider.System);
        Assert.Equal(CheckStatus.Unknown, CheckRuns.Once(check).Result.Status);
        File.WriteAllText(proc.File("stat"), "intr 1 2 3\n");
        Assert.Contains("no aggregate cpu line", CheckRuns.Once(check).Result.Reason, StringComparison.Ordinal);
    }

    internal static void WriteStat(string procRoot, CpuTimes total, params CpuTimes[] cpus)
    {
        static string Line(string name, CpuTimes t) => $"{name} {t.User} {t.Nice} {t.System} {t.Idle} {t.IoWait} {t.Irq} {t.SoftIrq} {t.Steal} 0 0\n";
        var text = Line("cpu ", total) + string.Concat(cpus.Select((c, i) => Line($"cpu{i}", c))) + "intr 0\nbtime 1795397589\n";
        File.WriteAllText(Path.Combine(procRoot, "stat"), text);
    }
}

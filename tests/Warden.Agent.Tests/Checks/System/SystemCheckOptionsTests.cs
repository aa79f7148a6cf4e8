using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.SystemChecks;

namespace Warden.Agent.Tests.Checks.SystemChecks;

public class SystemCheckOptionsTests
{
    [Fact]
    public void The_defaults_have_no_problems()
    {
        Assert.Empty(new SystemCheckOptions().Problems());
    }

    [Fact]
    public void Each_problem_names_its_key_and_value()
    {
        var o = new SystemCheckOptions();
        o.CpuSaturation.Warn = 120;
        o.MemoryAvailable.Warn = 5;
        o.MemoryAvailable.Crit = 10;       // swapped: would turn "low memory" into "plenty of memory"
        o.LoadPerCore.IntervalSeconds = 0;
        o.PressureStall.Crit = double.NaN;
        o.OomKills.Warn = -1;
        var problems = o.Problems().ToList();
        Assert.Contains(problems, p => p.StartsWith("Checks:System:CpuSaturation:Warn: 120 must be between 0 and 100", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:System:MemoryAvailable:Warn: 5 must be above Crit 10", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:System:LoadPerCore:IntervalSeconds: 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:System:PressureStall: Warn 20 and Crit NaN must be numbers", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:System:OomKills:Warn: -1 must be at least 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:System:CpuSaturation:Warn: 120 must not be above Crit 98", StringComparison.Ordinal));
        Assert.Equal(6, problems.Count);
    }

    [Fact]
    public void The_set_holds_only_enabled_checks_in_a_fixed_order()
    {
        var o = new SystemCheckOptions();
        var all = SystemCheckSet.Create(o, HostPaths.Live, new FakeTimeProvider());
        Assert.Equal(
            ["cpu_saturation", "memory_available", "swap_activity", "load_per_core", "pressure_stall", "oom_kills", "file_descriptors"],
            all.Select(c => c.Name));
        Assert.All(all, c => Assert.Equal(Component.System, c.Component));
        Assert.Equal(TimeSpan.FromSeconds(30), all.Single(c => c.Name == "oom_kills").Interval);

        o.SwapActivity.Enabled = false;
        o.OomKills.Enabled = false;
        var some = SystemCheckSet.Create(o, HostPaths.Live, new FakeTimeProvider());
        Assert.DoesNotContain(some, c => c.Name is "swap_activity" or "oom_kills");
        Assert.Equal(5, some.Count);
        foreach (var check in all.Concat(some))
        {
            ((IDisposable)check).Dispose();
        }
    }
}

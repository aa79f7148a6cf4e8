using Warden.Agent.Checks;
using Warden.Agent.Checks.SystemChecks;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Checks.SystemChecks;

public class PressureStallCheckTests
{
    private static readonly CheckSettings Defaults = new SystemCheckOptions().PressureStall;

    [Theory]
    [InlineData(19.99, "OK")]
    [InlineData(20, "WARN")]
    [InlineData(50, "CRIT")]
    public void Judges_some_avg10(double avg10, string expected)
    {
        var pressure = new Pressure(new PressureLine(avg10, 1, 1, 10), null);
        var result = PressureStallCheck.Judge("io", pressure, Defaults.Threshold);
        Assert.Equal(expected, CheckNames.Of(result.Status));
        Assert.Equal(avg10, result.Value);
    }

    [Fact]
    public void One_outcome_per_resource_on_the_cgroup1_host_whose_cpu_is_stalled()
    {
        using var check = new PressureStallCheck(Defaults, HostPaths.Fixture(Path.Combine(TestTrees.FixtureRoot, TestTrees.Cgroup1Host)));
        var outcomes = CheckRuns.All(check);
        Assert.Equal(["pressure_stall:cpu", "pressure_stall:memory", "pressure_stall:io"], outcomes.Select(o => o.Key));
        Assert.Equal([CheckStatus.Warn, CheckStatus.Ok, CheckStatus.Ok], outcomes.Select(o => o.Result.Status));
        Assert.Equal([40.55, 0, 0.06], outcomes.Select(o => o.Result.Value));
    }

    [Fact]
    public void A_kernel_without_psi_is_unknown_for_each_resource_and_says_so()
    {
        using var proc = TestTrees.CopyOfProc(TestTrees.Cgroup2Host);
        Directory.Delete(Path.Combine(proc.Path, "pressure"), recursive: true);
        using var check = new PressureStallCheck(Defaults, HostPaths.Live with { Proc = proc.Path });
        for (var i = 0; i < 3; i++)
        {
            var outcomes = CheckRuns.All(check);
            Assert.Equal(3, outcomes.Count);
            Assert.All(outcomes, o => Assert.Equal(CheckStatus.Unknown, o.Result.Status));
            Assert.All(outcomes, o => Assert.StartsWith("this kernel has no PSI", o.Result.Reason, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_garbled_file_is_unknown_for_that_resource_only()
    {
        using var proc = TestTrees.CopyOfProc(TestTrees.Cgroup2Host);
        File.WriteAllText(Path.Combine(proc.Path, "pressure", "memory"), "some avg10=garbage\n");
        using var check = new PressureStallCheck(Defaults, HostPaths.Live with { Proc = proc.Path });
        Assert.Equal([CheckStatus.Ok, CheckStatus.Unknown, CheckStatus.Ok], CheckRuns.All(check).Select(o => o.Result.Status));
    }

    [Fact]
    public void Reads_this_machines_live_psi()
    {
        using var check = new PressureStallCheck(Defaults, HostPaths.Live);
        Assert.All(CheckRuns.All(check), o => Assert.InRange(o.Result.Value, 0, 100));
    }
}

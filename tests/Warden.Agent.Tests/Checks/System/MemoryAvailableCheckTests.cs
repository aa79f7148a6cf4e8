using Warden.Agent.Checks;
using Warden.Agent.Checks.SystemChecks;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Checks.SystemChecks;

public class MemoryAvailableCheckTests
{
    private static readonly Threshold Levels = new SystemCheckOptions().MemoryAvailable.Threshold;

    [Theory]
    [InlineData(50, "OK")]
    [InlineData(10.5, "OK")]
    [InlineData(10, "WARN")]
    [InlineData(6, "WARN")]
    [InlineData(5, "CRIT")]
    [InlineData(0, "CRIT")]
    public void Lower_is_worse_with_warn_10_and_crit_5(double availablePct, string expected)
    {
        const ulong total = 16UL << 30;
        var info = new Meminfo(total, 0, (ulong)(total * availablePct / 100), 0, 0, 0, 0);
        var result = MemoryAvailableCheck.Judge(info, Levels);
        Assert.Equal(expected, CheckNames.Of(result.Status));
        Assert.Equal(availablePct, result.Value, 6);
        Assert.Equal("warn ≤ 10 %, crit ≤ 5 %", result.Threshold);
    }

    [Fact]
    public void Reads_the_cgroup1_fixture_host()
    {
        using var check = new MemoryAvailableCheck(new SystemCheckOptions().MemoryAvailable, HostPaths.Fixture(Path.Combine(TestTrees.FixtureRoot, TestTrees.Cgroup1Host)));
        var result = CheckRuns.Once(check).Result;
        Assert.Equal(CheckStatus.Ok, result.Status);
        Assert.Equal(100.0 * 23565908 / 24684092, result.Value, 9);
        Assert.Contains("22.47 of 23.54 GiB", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_meminfo_is_unknown()
    {
        using var proc = TestTrees.Scratch();
        using var check = new MemoryAvailableCheck(new CheckSettings(), HostPaths.Live with { Proc = proc.Path });
        var result = CheckRuns.Once(check).Result;
        Assert.Equal(CheckStatus.Unknown, result.Status);
        Assert.Contains("meminfo does not exist", result.Reason, StringComparison.Ordinal);
    }
}

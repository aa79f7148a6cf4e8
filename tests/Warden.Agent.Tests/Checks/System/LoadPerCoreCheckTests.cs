using Warden.Agent.Checks;
using Warden.Agent.Checks.SystemChecks;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Checks.SystemChecks;

public class LoadPerCoreCheckTests
{
    private static readonly Threshold Levels = new SystemCheckOptions().LoadPerCore.Threshold;

    [Theory]
    [InlineData(3.9, 2, "OK")]
    [InlineData(4.0, 2, "WARN")]
    [InlineData(7.9, 2, "WARN")]
    [InlineData(8.0, 2, "CRIT")]
    [InlineData(40, 16, "WARN")]
    public void Divides_load1_by_the_cpus(double load1, int cpus, string expected)
    {
        var result = LoadPerCoreCheck.Judge(new LoadAvg(load1, 0, 0, 1, 100), cpus, Levels);
        Assert.Equal(expected, CheckNames.Of(result.Status));
        Assert.Equal(load1 / cpus, result.Value, 9);
    }

    [Theory]
    [InlineData(TestTrees.Cgroup1Host, 1.57 / 2)]
    [InlineData(TestTrees.Cgroup2Host, 0.08 / 16)]
    public void Reads_both_fixture_hosts(string host, double perCore)
    {
        using var check = new LoadPerCoreCheck(new SystemCheckOptions().LoadPerCore, HostPaths.Fixture(Path.Combine(TestTrees.FixtureRoot, host)));
        var result = CheckRuns.Once(check).Result;
        Assert.Equal(CheckStatus.Ok, result.Status);
        Assert.Equal(perCore, result.Value, 9);
    }

    [Fact]
    public void No_cpus_is_unknown_not_infinity()
    {
        Assert.Equal(CheckStatus.Unknown, LoadPerCoreCheck.Judge(new LoadAvg(1, 1, 1, 1, 1), 0, Levels).Status);
        using var proc = TestTrees.Scratch();
        File.WriteAllText(proc.File("stat"), "cpu  1 2 3 4\n");
        File.WriteAllText(proc.File("loadavg"), "1.0 1.0 1.0 1/2 3\n");
        using var check = new LoadPerCoreCheck(new CheckSettings(), HostPaths.Live with { Proc = proc.Path });
        Assert.Equal(CheckStatus.Unknown, CheckRuns.Once(check).Result.Status);
    }
}

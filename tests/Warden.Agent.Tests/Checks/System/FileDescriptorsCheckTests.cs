using Warden.Agent.Checks;
using Warden.Agent.Checks.SystemChecks;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Checks.SystemChecks;

public class FileDescriptorsCheckTests
{
    private static readonly Threshold Levels = new SystemCheckOptions().FileDescriptors.Threshold;

    [Theory]
    [InlineData(799, "OK")]
    [InlineData(800, "WARN")]
    [InlineData(950, "CRIT")]
    [InlineData(1000, "CRIT")]
    public void Judges_allocated_over_max(ulong allocated, string expected)
    {
        var result = FileDescriptorsCheck.Judge(new FileHandles(allocated, 0, 1000), Levels);
        Assert.Equal(expected, CheckNames.Of(result.Status));
        Assert.Equal(allocated / 10.0, result.Value, 9);
    }

    [Fact]
    public void Reads_the_cgroup1_fixture_host_and_a_zero_maximum_is_unknown()
    {
        using var check = new FileDescriptorsCheck(new SystemCheckOptions().FileDescriptors, HostPaths.Fixture(Path.Combine(TestTrees.FixtureRoot, TestTrees.Cgroup1Host)));
        var result = CheckRuns.Once(check).Result;
        Assert.Equal(CheckStatus.Ok, result.Status);
        Assert.Equal(100.0 * 939 / 2466177, result.Value, 9);
        Assert.Equal(CheckStatus.Unknown, FileDescriptorsCheck.Judge(new FileHandles(1, 0, 0), Levels).Status);
    }
}

using Warden.Agent.Checks;
using Warden.Agent.Checks.Exec;

namespace Warden.Agent.Tests.Checks.Exec;

public class PluginVerdictTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(0, "OK")]
    [InlineData(1, "WARN")]
    [InlineData(2, "CRIT")]
    [InlineData(3, "UNKNOWN")]
    [InlineData(4, "UNKNOWN")]
    [InlineData(7, "UNKNOWN")]
    [InlineData(-1, "UNKNOWN")]
    [InlineData(139, "UNKNOWN")] // killed by SIGSEGV
    public void Maps_the_exit_code_by_the_nagios_convention(int exitCode, string expected)
    {
        var (result, _) = PluginVerdict.Judge(new PluginRun(exitCode, "SERVICE STATUS: text | x=5s;1;2", false, false, ""), Timeout);
        Assert.Equal(expected, CheckNames.Of(result.Status));
        Assert.Equal(5, result.Value);
        Assert.Equal("x: warn 1, crit 2", result.Threshold);
        Assert.EndsWith("SERVICE STATUS: text", result.Reason, StringComparison.Ordinal);
        Assert.Equal(exitCode is >= 0 and <= 3, !result.Reason.Contains("is not a plugin state", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_perfdata_the_value_is_nan_and_without_output_stderr_is_the_reason()
    {
        var (result, output) = PluginVerdict.Judge(new PluginRun(2, "", false, false, "cannot open /dev/sda"), Timeout);
        Assert.Equal(CheckStatus.Crit, result.Status);
        Assert.True(double.IsNaN(result.Value));
        Assert.Equal("cannot open /dev/sda", result.Reason);
        Assert.Empty(output.PerfData);
    }

    [Fact]
    public void A_timeout_and_a_failed_start_are_unknown()
    {
        var (timedOut, _) = PluginVerdict.Judge(PluginRun.Killed, Timeout);
        Assert.Equal(CheckStatus.Unknown, timedOut.Status);
        Assert.StartsWith("timed out after 10 s", timedOut.Reason, StringComparison.Ordinal);
        var (notStarted, _) = PluginVerdict.Judge(PluginRun.NotStarted("No such file or directory"), Timeout);
        Assert.Equal(CheckStatus.Unknown, notStarted.Status);
        Assert.Contains("No such file", notStarted.Reason, StringComparison.Ordinal);
    }
}

using Warden.Agent.Checks;
using Warden.Agent.Checks.Service;
using Warden.Agent.Services;
using Warden.Agent.Tests.Services;

namespace Warden.Agent.Tests.Checks.Service;

[Collection(ChildProcesses.Name)]
public class ProcessRunningCheckTests
{
    [Theory]
    [InlineData(0, 1, null, "CRIT", "0 running by name x, fewer than 1")]
    [InlineData(1, 1, null, "OK", "1 running by name x (PID 42)")]
    [InlineData(3, 1, 2, "WARN", "3 running by name x, more than 2")]
    [InlineData(2, 1, 2, "OK", "2 running by name x (PID 42)")]
    [InlineData(0, 0, null, "OK", "0 running by name x")]
    public void Judges_the_count_against_min_and_max(int matched, int min, int? max, string status, string reason)
    {
        var result = ProcessRunningCheck.Judge(new ProcessCount(matched, matched > 0 ? 42 : 0, 100, 0), min, max, "name x");
        Assert.Equal((status, (double)matched, reason), (CheckNames.Of(result.Status), result.Value, result.Reason));
    }

    [Fact]
    public async Task Goes_crit_when_the_process_is_killed_and_warns_above_max()
    {
        using var first = new ChildProcess("warden-proc-tst", "300");
        using var second = new ChildProcess("warden-proc-tst", "301");
        var options = new ServiceCheckOptions
        {
            Processes =
            [
                new() { ProcessName = "warden-proc-tst", Max = 1 },
                new() { Name = "sleeper-300", Cmdline = first.Path + " 300" },
                new() { ProcessName = "off", Enabled = false },
            ],
        };
        var checks = ServiceCheckSet.Create(options, HostPaths.Live, TimeProvider.System);

        var both = await ServiceUnitCheckTests.Evaluate(checks);
        first.Kill();
        var one = await ServiceUnitCheckTests.Evaluate(checks);

        Assert.Equal(["process_running:warden-proc-tst", "process_running:sleeper-300"], both.Select(o => o.Key));
        Assert.Equal((CheckStatus.Warn, 2.0), (both[0].Result.Status, both[0].Result.Value));
        Assert.Equal(CheckStatus.Ok, both[1].Result.Status);
        Assert.Equal(CheckStatus.Ok, one[0].Result.Status);
        Assert.Equal((CheckStatus.Crit, 0.0), (one[1].Result.Status, one[1].Result.Value));
    }

    [Fact]
    public async Task An_unreadable_proc_root_is_unknown()
    {
        var options = new ServiceCheckOptions { Processes = [new() { ProcessName = "x" }] };
        var checks = ServiceCheckSet.Create(options, HostPaths.Fixture("/nonexistent/warden-host"), TimeProvider.System);

        var outcome = Assert.Single(await ServiceUnitCheckTests.Evaluate(checks));

        Assert.Equal(CheckStatus.Unknown, outcome.Result.Status);
        Assert.Contains("/nonexistent/warden-host/proc", outcome.Result.Reason, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Services;

namespace Warden.Agent.Tests.Services;

[Collection(ChildProcesses.Name)]
public class SystemctlReaderTests
{
    [Fact]
    public async Task Runs_systemctl_show_with_the_properties_and_parses_its_answer()
    {
        using var systemctl = new FakeSystemctl();
        var reader = new SystemctlReader(systemctl.Path, TimeProvider.System);

        var web = await reader.ReadAsync("web.service", TimeSpan.FromSeconds(30), default);

        Assert.Equal(
            ["show", "web.service", "--property=ActiveState,SubState,LoadState,Result,MainPID,NRestarts,ExecMainStatus,ControlGroup", "--no-pager"],
            systemctl.LastArgv);
        Assert.Equal(new UnitState("active", "running", "loaded", "success", 4242, 2, 0, "/system.slice/web.service"), web.State);

        var db = await reader.ReadAsync("db.service", TimeSpan.FromSeconds(30), default);
        Assert.Equal(("failed", "exit-code", 1, 5L), (db.State!.ActiveState, db.State.Result, db.State.ExecMainStatus, db.State.Restarts));
        var gone = await reader.ReadAsync("nope.service", TimeSpan.FromSeconds(30), default);
        Assert.Equal("not-found", gone.State!.LoadState);
    }

    [Fact]
    public async Task A_unit_name_is_one_argument_never_shell_text()
    {
        using var systemctl = new FakeSystemctl();
        var reader = new SystemctlReader(systemctl.Path, TimeProvider.System);

        await reader.ReadAsync("x.service; touch /tmp/warden-pwned", TimeSpan.FromSeconds(30), default);

        Assert.Equal("x.service; touch /tmp/warden-pwned", systemctl.LastArgv[1]);
        Assert.False(File.Exists("/tmp/warden-pwned"));
    }

    [Fact]
    public async Task A_failing_missing_or_hanging_systemctl_is_a_problem_not_a_state()
    {
        using var systemctl = new FakeSystemctl();
        var time = new FakeTimeProvider();
        var reader = new SystemctlReader(systemctl.Path, time);

        var broken = await reader.ReadAsync("broken.service", TimeSpan.FromSeconds(5), default);
        Assert.Null(broken.State);
        Assert.Contains("exited 1: Failed to connect to bus", broken.Problem, StringComparison.Ordinal);

        var missing = await new SystemctlReader("/nonexistent/systemctl", time).ReadAsync("web.service", TimeSpan.FromSeconds(5), default);
        Assert.Contains("could not run /nonexistent/systemctl", missing.Problem, StringComparison.Ordinal);

        var hanging = reader.ReadAsync("hang.service", TimeSpan.FromSeconds(5), default);
        time.Advance(TimeSpan.FromSeconds(5));
        var timedOut = await hanging.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("did not answer within 5 s", timedOut.Problem, StringComparison.Ordinal);
    }
}

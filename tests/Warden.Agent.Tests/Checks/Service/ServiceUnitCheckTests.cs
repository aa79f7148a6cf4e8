using Warden.Agent.Checks;
using Warden.Agent.Checks.Service;
using Warden.Agent.Services;
using Warden.Agent.Tests.Services;

namespace Warden.Agent.Tests.Checks.Service;

[Collection(ChildProcesses.Name)]
public class ServiceUnitCheckTests
{
    [Theory]
    [InlineData("active", "running", "loaded", "OK", "active (running), main PID 7, 2 restarts")]
    [InlineData("failed", "failed", "loaded", "CRIT", "failed (failed): result exit-code, exit status 1, 2 restarts")]
    [InlineData("inactive", "dead", "loaded", "CRIT", "inactive (dead), result exit-code")]
    [InlineData("inactive", "dead", "not-found", "CRIT", "unit not found")]
    [InlineData("inactive", "dead", "masked", "CRIT", "unit is masked (inactive)")]
    [InlineData("activating", "start-pre", "loaded", "WARN", "activating (start-pre), 2 restarts")]
    [InlineData("reloading", "running", "loaded", "WARN", "reloading (running), 2 restarts")]
    [InlineData("maintenance", "x", "loaded", "UNKNOWN", "unrecognised ActiveState 'maintenance'")]
    public void Judges_systemd_states(string active, string sub, string load, string status, string reason)
    {
        var result = ServiceUnitJudge.Judge(new UnitState(active, sub, load, "exit-code", 7, 2, 1, ""));
        Assert.Equal((status, reason), (CheckNames.Of(result.Status), result.Reason));
    }

    [Fact]
    public async Task Reads_units_through_systemctl_where_systemd_runs()
    {
        using var systemctl = new FakeSystemctl();
        using var host = TestTrees.Scratch();
        Directory.CreateDirectory(Path.Combine(host.Path, "run", "systemd", "system"));
        var options = new ServiceCheckOptions
        {
            SystemctlPath = systemctl.Path,
            Units = [new() { Unit = "web.service" }, new() { Unit = "db.service", Name = "database" }, new() { Unit = "gone.service" }],
        };

        var outcomes = await Evaluate(ServiceCheckSet.Create(options, HostPaths.Fixture(host.Path), TimeProvider.System));

        Assert.Equal(["service_unit:web.service", "service_unit:database", "service_unit:gone.service"], outcomes.Select(o => o.Key));
        Assert.Equal([CheckStatus.Ok, CheckStatus.Crit, CheckStatus.Crit], outcomes.Select(o => o.Result.Status));
        Assert.All(outcomes, o => Assert.Equal(Component.Service, o.Component));
        Assert.Equal("unit not found", outcomes[2].Result.Reason);
        Assert.Equal("gone.service", systemctl.LastArgv[1]);
    }

    [Fact]
    public async Task Judges_by_process_where_systemd_does_not_run()
    {
        using var systemctl = new FakeSystemctl();
        using var child = new ChildProcess("warden-unit-tst", "300");
        using var host = TestTrees.Scratch(); // no run/systemd/system
        var paths = HostPaths.Live with { Run = Path.Combine(host.Path, "run") };
        var options = new ServiceCheckOptions
        {
            SystemctlPath = systemctl.Path,
            Units = [new() { Unit = "tst.service", ProcessName = "warden-unit-tst" }, new() { Unit = "bare.service" }],
        };
        var checks = ServiceCheckSet.Create(options, paths, TimeProvider.System);

        var running = await Evaluate(checks);
        child.Kill();
        var stopped = await Evaluate(checks);

        Assert.False(File.Exists(systemctl.ArgvFile)); // systemctl was never asked
        Assert.Equal(CheckStatus.Ok, running[0].Result.Status);
        Assert.Equal($"systemd not running; judged by process name warden-unit-tst: 1 running (PID {child.Pid})", running[0].Result.Reason);
        Assert.Equal(CheckStatus.Crit, stopped[0].Result.Status);
        Assert.Equal("systemd not running; judged by process name warden-unit-tst: none running", stopped[0].Result.Reason);
        Assert.Equal(CheckStatus.Unknown, running[1].Result.Status);
        Assert.Contains("bare.service has no cgroup at system.slice/bare.service and no ProcessName", running[1].Result.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// No systemd and no process rule: the unit's cgroup (system.slice/UNIT, real fixture trees, v2 and hybrid v1)
    /// says whether it runs; emptied it is CRIT, removed there is nothing to judge by.
    /// </summary>
    [Theory]
    [InlineData(TestTrees.Cgroup2Host, "", 6)]
    [InlineData(TestTrees.Cgroup1Host, "memory", 7)]
    public async Task Judges_by_the_units_cgroup_where_systemd_does_not_run_and_no_process_rule_is_set(string host, string hierarchy, int processes)
    {
        using var copy = TestTrees.CopyOfHost(host); // no run/systemd/system
        var options = new ServiceCheckOptions { Units = [new() { Unit = "app" }, new() { Unit = "gone.service" }] };
        var checks = ServiceCheckSet.Create(options, HostPaths.Fixture(copy.Path), TimeProvider.System);
        var unit = Path.Combine(copy.Path, "cgroup", hierarchy, "system.slice", "app.service");

        var running = await Evaluate(checks);
        File.Delete(Path.Combine(unit, "cgroup.procs"));
        File.WriteAllText(Path.Combine(unit, "cgroup.procs"), "");
        var empty = await Evaluate(checks);
        Directory.Delete(unit, recursive: true);
        var removed = await Evaluate(checks);

        Assert.Equal((CheckStatus.Ok, processes), (running[0].Result.Status, (int)running[0].Result.Value));
        Assert.Equal($"systemd not running; judged by cgroup system.slice/app.service: {processes} processes", running[0].Result.Reason);
        Assert.Equal(CheckStatus.Unknown, running[1].Result.Status);
        Assert.Contains("gone.service has no cgroup at system.slice/gone.service", running[1].Result.Reason, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Crit, empty[0].Result.Status);
        Assert.Equal("systemd not running; judged by cgroup system.slice/app.service: no process in it", empty[0].Result.Reason);
        Assert.Equal(CheckStatus.Unknown, removed[0].Result.Status);
    }

    internal static async Task<List<CheckOutcome>> Evaluate(IReadOnlyList<ICheck> checks)
    {
        var outcomes = new List<CheckOutcome>();
        foreach (var check in checks)
        {
            await check.EvaluateAsync(outcomes, default);
        }
        return outcomes;
    }
}

using Terminal.Gui.Input;
using Warden.Proto.V1;
using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Views.Host;

namespace Warden.Tui.Tests.Views.Host;

public sealed class HostChecksTests : IDisposable
{
    private readonly ConsoleHarness _console = new(width: 100);

    public HostChecksTests()
    {
        HostSummary host = Hosts.Scored("db-02", 85, [100, 60, 100, 90, 100, 100]);
        _console.Snapshot(host);
        _console.HostDetails["db-02"] = new GetHostResponse
        {
            Host = host.Clone(),
            Checks =
            {
                new HostCheckState { Component = "system", Check = "load_per_core", State = CheckState.Ok, StateType = StateType.Hard, Value = 0.4, Threshold = "warn 2", Attempt = 0, MaxAttempts = 3, Reason = "0.40 per core" },
                new HostCheckState { Component = "storage", Check = "disk_space:/var", State = CheckState.Crit, StateType = StateType.Soft, Value = 97, Threshold = "crit 95", Attempt = 2, MaxAttempts = 3, Reason = "/var 97% used" },
            },
        };
    }

    [Fact]
    public void The_host_view_lists_every_check_worst_first_with_value_threshold_attempts_and_reason()
    {
        _console.Press(Key.Enter);

        var screen = Assert.IsType<HostScreen>(_console.Shell.Current);
        Assert.Equal(["disk_space:/var", "load_per_core"], screen.Checks.Select(c => c.Check.Check));
        Assert.Contains("checks: 1 CRIT, 1 OK", _console.Screen());
        Assert.Matches(@"disk_space:/var[\s│]+CRIT[\s│]+SOFT[\s│]+2/3[\s│]+-[\s│]+97[\s│]+crit 95", _console.RowOf("disk_space:/var"));
        Assert.Equal(1, _console.GetHostCalls);
    }

    [Fact]
    public void Checks_are_fetched_again_only_when_the_feed_says_they_changed()
    {
        _console.Press(Key.Enter);
        HostSummary same = _console.State.Find("db-02")!.Clone();
        same.LastSequence++;
        _console.State.HostUpserted(same);
        Assert.Equal(1, _console.GetHostCalls);

        HostSummary changed = same.Clone();
        changed.Checks = new CheckCounts { Crit = 1, Ok = 1 };
        _console.State.HostUpserted(changed);
        Assert.Equal(2, _console.GetHostCalls);
    }

    public void Dispose() => _console.Dispose();
}

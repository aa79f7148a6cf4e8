using Terminal.Gui.Input;
using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Views.Fleet;
using Warden.Tui.Views.Host;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Tests.Views.Shell;

public sealed class ConsoleShellTests : IDisposable
{
    private readonly ConsoleHarness _console = new();

    public ConsoleShellTests() => _console.Snapshot(
        Hosts.Scored("web-01", 100, [100, 100, 100, 100, 100, 100]),
        Hosts.Scored("db-02", 85, [100, 60, 100, 90, 100, 100]));

    [Fact]
    public void Enter_drills_into_the_host_under_the_cursor_and_Esc_comes_back()
    {
        _console.Press(Key.Enter);

        string screen = _console.Screen();
        Assert.IsType<HostScreen>(_console.Shell.Current);
        Assert.Contains("warden · hosts › db-02", screen);
        Assert.Contains("health 85 degraded", screen);
        Assert.Contains("sto 60! vm 100 net 90~", screen);
        Assert.Contains("score.host", screen); // a key reading; score.storage is one `m` away
        Assert.Contains("checks: NotFound: no host db-02", screen);
        Assert.Contains("<Esc> back", _console.StatusLine());
        _console.State.HostUpserted(Hosts.Scored("db-02", 84, [100, 60, 100, 90, 100, 100]));
        Assert.NotNull(_console.State.Find("db-02")); // the open host view keeps its whole summary

        _console.Press(Key.Esc);

        Assert.IsType<FleetScreen>(_console.Shell.Current);
        Assert.Contains("warden · hosts", _console.Screen());
        Assert.DoesNotContain("db-02 ›", _console.Screen());
        Assert.False(_console.StopRequested);
        _console.State.HostUpserted(Hosts.Scored("db-02", 83, [100, 60, 100, 90, 100, 100]));
        Assert.Null(_console.State.Find("db-02")); // closed: back to the card
    }

    [Fact]
    public void The_host_view_follows_live_updates()
    {
        _console.Press(Key.Enter);

        _console.State.HostUpserted(Hosts.Scored("db-02", 50, [100, 10, 100, 90, 100, 100]));

        Assert.Contains("sto 10!", _console.Screen());
    }

    [Fact]
    public void Feed_updates_redraw_at_most_once_per_refresh_interval_with_every_change_since()
    {
        using var console = new ConsoleHarness(refreshEvery: TimeSpan.FromMilliseconds(500));
        console.Snapshot(Hosts.Scored("db-02", 85, [100, 60, 100, 90, 100, 100]));
        console.Time.Advance(TimeSpan.FromMilliseconds(500));
        console.Press(Key.Enter);

        console.State.HostUpserted(Hosts.Scored("db-02", 50, [100, 10, 100, 90, 100, 100]));
        console.State.HostUpserted(Hosts.Scored("db-02", 40, [100, 5, 100, 90, 100, 100]));
        Assert.Contains("sto 60!", console.Screen());

        console.Time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Contains("sto 60!", console.Screen());

        console.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Contains("sto 5!", console.Screen());

        // Quiet for longer than the interval: the next update is drawn at once.
        console.Time.Advance(TimeSpan.FromSeconds(2));
        console.State.HostUpserted(Hosts.Scored("db-02", 45, [100, 7, 100, 90, 100, 100]));
        Assert.Contains("sto 7!", console.Screen());
    }

    [Fact]
    public void A_live_update_writes_the_cells_that_changed_and_every_table_cell_once_the_repaint_interval_passed()
    {
        using var console = new ConsoleHarness(repaintEvery: TimeSpan.FromSeconds(10));
        console.Snapshot(Hosts.Scored("web-01", 100, [100, 100, 100, 100, 100, 100]), Hosts.Scored("db-02", 85, [100, 60, 100, 90, 100, 100]));
        Assert.Contains("web-01", console.Screen());

        console.State.HostUpserted(Hosts.Scored("db-02", 84, [100, 60, 100, 90, 100, 100]));
        console.Screen();
        Assert.Contains("84", console.LastOutput);
        Assert.DoesNotContain("web-01", console.LastOutput); // its row did not change: not written

        // A frame the terminal did not take would leave web-01 blank for good; past the interval
        // the next update writes every table cell again.
        console.Time.Advance(TimeSpan.FromSeconds(10));
        console.State.HostUpserted(Hosts.Scored("db-02", 83, [100, 60, 100, 90, 100, 100]));
        console.Screen();
        Assert.Contains("web-01", console.LastOutput);

        console.State.HostUpserted(Hosts.Scored("db-02", 82, [100, 60, 100, 90, 100, 100]));
        console.Screen();
        Assert.DoesNotContain("web-01", console.LastOutput); // and then only changes again
    }

    [Fact]
    public void Ctrl_L_rewrites_the_whole_screen()
    {
        _console.Screen();
        _console.State.HostUpserted(Hosts.Scored("db-02", 84, [100, 60, 100, 90, 100, 100]));
        _console.Screen();
        Assert.DoesNotContain("web-01", _console.LastOutput);

        _console.Press(Key.L.WithCtrl);
        _console.Screen();

        Assert.Contains("web-01", _console.LastOutput);
        Assert.Contains("warden · hosts", _console.LastOutput);
        Assert.Contains("<?> help", _console.LastOutput);
    }

    [Fact]
    public void q_goes_back_from_a_nested_view_and_quits_from_the_top()
    {
        _console.Press(Key.Enter);

        _console.Press(Key.Q);
        Assert.False(_console.StopRequested);
        Assert.Equal(1, _console.Shell.Depth);

        _console.Press(Key.Q);
        Assert.True(_console.StopRequested);
    }

    [Fact]
    public void Esc_at_the_top_does_not_quit()
    {
        _console.Press(Key.Esc);

        Assert.False(_console.StopRequested);
        Assert.IsType<FleetScreen>(_console.Shell.Current);
    }

    [Theory]
    [InlineData("report", "without the operator API")]
    [InlineData("audit", "without the operator API")]
    [InlineData("silences", "without the operator API")]
    public void A_view_the_aggregator_cannot_serve_yet_says_so_in_the_status_line(string view, string reason)
    {
        _console.Type(":" + view);
        Assert.Contains(":" + view, _console.StatusLine());

        _console.Press(Key.Enter);

        Assert.Contains($":{view} is not available", _console.StatusLine());
        Assert.Contains(reason, _console.StatusLine());
        Assert.IsType<FleetScreen>(_console.Shell.Current);

        _console.Press(Key.CursorDown);
        Assert.Contains("<?> help", _console.StatusLine());
    }

    [Fact]
    public void An_unknown_view_lists_the_known_ones()
    {
        _console.Type(":nodes");
        _console.Press(Key.Enter);

        Assert.Contains("unknown view ':nodes' — try :hosts, :incidents, :report, :audit, :silences", _console.StatusLine());
    }

    [Fact]
    public void Colon_hosts_jumps_back_to_the_fleet_from_anywhere()
    {
        _console.Press(Key.Enter);
        _console.Type("?");
        Assert.Equal(3, _console.Shell.Depth);

        _console.Type(":hosts");
        _console.Press(Key.Enter);

        Assert.Equal(1, _console.Shell.Depth);
        Assert.IsType<FleetScreen>(_console.Shell.Current);
    }

    [Fact]
    public void Esc_abandons_a_half_typed_command_and_backspace_edits_it()
    {
        _console.Type(":hostx");
        _console.Press(Key.Backspace);
        Assert.Contains(":host▏", _console.StatusLine());

        _console.Press(Key.Esc);

        Assert.Contains("<?> help", _console.StatusLine());
        Assert.Equal(1, _console.Shell.Depth);
        Assert.False(_console.StopRequested);
    }

    [Fact]
    public void Colon_q_quits()
    {
        _console.Type(":q");
        _console.Press(Key.Enter);

        Assert.True(_console.StopRequested);
    }

    [Fact]
    public void Question_mark_lists_every_key_of_the_current_view_and_the_global_ones()
    {
        FleetScreen fleet = Assert.IsType<FleetScreen>(_console.Shell.Current);

        _console.Type("?");

        string screen = _console.HelpText();
        Assert.Contains("warden · hosts › help", screen);
        foreach (KeyHelp key in fleet.Keys.Concat(GlobalKeys.All))
        {
            Assert.Contains(key.What, screen);
        }

        _console.Press(Key.Esc);
        Assert.IsType<FleetScreen>(_console.Shell.Current);
    }

    [Fact]
    public void Help_fits_80_columns()
    {
        _console.Type("?");

        Assert.All(_console.Lines(), l => Assert.True(l.Length <= 80, l));
        Assert.DoesNotContain(_console.Lines(), l => l.Contains('…'));
    }

    [Fact]
    public void A_confirmed_action_runs_on_y()
    {
        var probe = new ActionProbeScreen();
        _console.Shell.Push(probe);

        _console.Type("x");
        Assert.Contains("Acknowledge INC-7? [y/N]", _console.StatusLine());
        Assert.Equal(0, probe.Runs);

        _console.Type("y");

        Assert.Equal(1, probe.Runs);
    }

    [Theory]
    [InlineData('n')]
    [InlineData('q')]
    public void Any_other_answer_cancels_and_does_not_act(char answer)
    {
        var probe = new ActionProbeScreen();
        _console.Shell.Push(probe);
        _console.Type("x");

        _console.Type(answer.ToString());

        Assert.Equal(0, probe.Runs);
        Assert.Contains("cancelled: Acknowledge INC-7", _console.StatusLine());
        Assert.False(_console.StopRequested);
        Assert.Same(probe, _console.Shell.Current);
    }

    [Fact]
    public void Read_only_mode_says_so_in_the_title_and_refuses_actions()
    {
        using var console = new ConsoleHarness(readOnly: true);
        var probe = new ActionProbeScreen();
        console.Shell.Push(probe);

        console.Type("x");

        Assert.Contains("warden · hosts › probe [read-only]", console.Screen());
        Assert.Contains("read-only: not allowed (Acknowledge INC-7)", console.StatusLine());
        console.Type("y");
        Assert.Equal(0, probe.Runs);
    }

    public void Dispose() => _console.Dispose();
}

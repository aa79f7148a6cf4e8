using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Warden.Proto.V1;
using Warden.Tui.Tests.Fixtures;

namespace Warden.Tui.Tests.Views.Fleet;

public sealed class FleetScreenTests : IDisposable
{
    private readonly ConsoleHarness _console = new();

    [Fact]
    public void Every_column_fits_80_by_24_with_scores_bands_in_words_and_agent_state()
    {
        ThreeHosts();

        string[] lines = _console.Lines();
        string header = Assert.Single(lines, l => l.Contains("HOST", StringComparison.Ordinal));
        foreach (string column in new[] { "HEALTH", "WORST", "SYS", "STO", "VM", "NET", "SVC", "SEC", "SEEN", "AGENT" })
        {
            Assert.Contains(column, header);
        }

        Assert.DoesNotContain("CPU%", header);
        string db = _console.RowOf("db-02");
        Assert.Contains("85 degraded", db);
        Assert.Contains("storage", db);
        Assert.Contains("60!", db);
        Assert.Contains("90~", db);
        Assert.Contains("2m", db);
        Assert.Contains("stale", db);
        Assert.Contains("100 healthy", _console.RowOf("web-01"));
        Assert.Contains("connected", _console.RowOf("web-01"));
        Assert.Contains("no data", _console.RowOf("very-long-hostna…"));
        Assert.All(lines, l => Assert.True(l.Length <= 80));
    }

    [Fact]
    public void A_healthy_host_points_at_no_worst_component()
    {
        ThreeHosts();

        Assert.Matches(@"100 healthy\s*│-\s*│", _console.RowOf("web-01"));
    }

    [Fact]
    public void Worst_hosts_come_first_and_hosts_without_scores_last()
    {
        ThreeHosts();

        Assert.Equal(["db-02", "web-01", "very-long-hostname-01.prod.example.com"], HostOrder());
        Assert.Contains("sort HEALTH↑", _console.Screen());
    }

    [Fact]
    public void A_wide_terminal_adds_cpu_memory_load_and_version()
    {
        _console.Resize(140, 30);
        ThreeHosts();

        string screen = _console.Screen();

        Assert.Contains("CPU%", screen);
        Assert.Contains("VERSION", screen);
        Assert.Contains("very-long-hostname-01.prod.example.com", screen);
        Assert.Contains("10.0", _console.RowOf("web-01"));
    }

    [Fact]
    public void o_sorts_by_the_next_column_and_O_reverses()
    {
        ThreeHosts();

        _console.Type("O");
        Assert.Contains("sort HEALTH↓", _console.Screen());
        Assert.Equal(["very-long-hostname-01.prod.example.com", "web-01", "db-02"], HostOrder());

        _console.Press(Key.O);
        _console.Press(Key.O);
        Assert.Contains("sort SYS↑", _console.Screen());
    }

    [Fact]
    public void o_cycles_through_the_shown_columns_back_to_the_first()
    {
        ThreeHosts();

        // HEALTH is column 1 of the 11 shown at 80 columns: 10 presses wrap round to HOST.
        for (int i = 0; i < 10; i++)
        {
            _console.Press(Key.O);
        }

        Assert.Contains("sort HOST↑", _console.Screen(), StringComparison.Ordinal);
        Assert.Equal(["db-02", "very-long-hostname-01.prod.example.com", "web-01"], HostOrder());
    }

    [Theory]
    [InlineData("db")]
    [InlineData("DB")]
    [InlineData("stale")]
    [InlineData("60!")]
    public void Slash_filters_live_on_any_cell_ignoring_case(string filter)
    {
        ThreeHosts();

        _console.Type("/" + filter);

        Assert.Equal(["db-02"], HostOrder());
        Assert.Contains("/" + filter, _console.StatusLine());
        Assert.Contains($"1 shown · sort HEALTH↑ · filter /{filter}", _console.Screen());
    }

    [Fact]
    public void Enter_keeps_the_filter_and_Esc_clears_it()
    {
        ThreeHosts();
        _console.Type("/web");
        _console.Press(Key.Enter);
        Assert.Equal(["web-01"], HostOrder());
        Assert.Contains("<?> help", _console.StatusLine());

        _console.Press(Key.Esc);

        Assert.Equal(3, HostOrder().Count);
        Assert.DoesNotContain("filter /", _console.Screen());
        Assert.False(_console.StopRequested);
    }

    [Fact]
    public void Esc_while_typing_a_filter_clears_it()
    {
        ThreeHosts();
        _console.Type("/web");

        _console.Press(Key.Esc);

        Assert.Equal(3, HostOrder().Count);
    }

    [Fact]
    public void Backspace_widens_the_filter_again()
    {
        ThreeHosts();
        _console.Type("/web-0x");
        Assert.Empty(HostOrder());

        _console.Press(Key.Backspace);

        Assert.Equal(["web-01"], HostOrder());
    }

    [Fact]
    public void A_live_update_moves_the_host_and_the_cursor_stays_on_it()
    {
        ThreeHosts();
        _console.Press(Key.CursorDown);
        Assert.Equal("web-01", SelectedHost());

        _console.State.HostUpserted(Hosts.Scored("web-01", 50, [50, 100, 100, 100, 100, 100]));

        Assert.Equal(["web-01", "db-02", "very-long-hostname-01.prod.example.com"], HostOrder());
        Assert.Contains("50 unhealthy", _console.RowOf("web-01"));
        Assert.Equal("web-01", SelectedHost());
    }

    [Fact]
    public void A_drop_shows_the_banner_marks_the_title_stale_and_keeps_the_rows()
    {
        ThreeHosts();

        _console.State.ConnectionLost("Unavailable: gone", TimeSpan.FromSeconds(1));
        string screen = _console.Screen();

        Assert.Contains("connection lost — reconnecting", screen);
        Assert.Contains("warden · hosts (stale)", screen);
        Assert.Contains("stale for 0s", screen);
        Assert.Contains("web-01", screen);

        _console.Snapshot(Hosts.Web01());
        Assert.DoesNotContain("connection lost", _console.Screen());
    }

    [Fact]
    public void Ages_move_with_the_clock_without_any_update()
    {
        ThreeHosts();

        _console.Time.Advance(TimeSpan.FromMinutes(5));
        _console.Shell.Refresh();

        Assert.Contains("5m", _console.RowOf("web-01"));
        Assert.Contains("7m", _console.RowOf("db-02"));
    }

    [Fact]
    public void Score_cells_are_coloured_by_band()
    {
        using var console = new ConsoleHarness(colors: true);
        // The cursor row keeps the focus colours; db-02 is second, so it shows its band colours.
        console.Snapshot(Hosts.Scored("db-02", 85, [100, 60, 100, 90, 100, 100]), Hosts.Scored("app-03", 40, [40, 40, 40, 40, 40, 40]));
        console.Screen();

        Assert.Equal(Color.BrightRed, console.ForegroundAt("60!"));
        Assert.Equal(Color.BrightYellow, console.ForegroundAt("90~"));
        Assert.Equal(Color.Green, console.ForegroundAt("100│"));
    }

    [Fact]
    public void Without_colours_score_cells_look_like_any_other_cell()
    {
        ThreeHosts();
        _console.Press(Key.CursorDown);

        Assert.Equal(_console.ForegroundAt("db-02"), _console.ForegroundAt("60!"));
    }

    public void Dispose() => _console.Dispose();

    private void ThreeHosts() => _console.Snapshot(
        Hosts.Scored("web-01", 100, [100, 100, 100, 100, 100, 100]),
        Hosts.Scored("db-02", 85, [100, 60, 100, 90, 100, 100], seenSecondsAgo: 120, connected: false),
        Hosts.Scored("very-long-hostname-01.prod.example.com", null, [null, null, null, null, null, null]));

    private List<string> HostOrder()
    {
        Tui.Views.Fleet.FleetScreen fleet = Assert.IsType<Tui.Views.Fleet.FleetScreen>(_console.Shell.Current);
        _console.Screen();
        return fleet.Rows.Select(r => r.Host).ToList();
    }

    private string? SelectedHost()
    {
        Tui.Views.Fleet.FleetScreen fleet = Assert.IsType<Tui.Views.Fleet.FleetScreen>(_console.Shell.Current);
        return fleet.Selected?.Host;
    }
}

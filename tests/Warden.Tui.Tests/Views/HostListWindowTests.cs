using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using Warden.Tui.Model;
using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Views;

namespace Warden.Tui.Tests.Views;

/// <summary>
/// Headless: Terminal.Gui's ANSI driver with virtual time draws into an in-memory buffer we read
/// back with Driver.ToString(); no terminal is touched.
/// </summary>
public sealed class HostListWindowTests : IDisposable
{
    private const string Address = "http://agg:7400";
    private readonly IApplication _app;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly HostListState _state;
    private readonly HostListWindow _window;

    public HostListWindowTests()
    {
        _app = Application.Create(new VirtualTimeProvider());
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(80, 24);
        _state = new HostListState(_time);
        _window = new HostListWindow(_state, Address, colors: false);
        _state.Changed += _window.Refresh;
        _app.Begin(_window);
    }

    [Fact]
    public void Shows_every_host_and_its_columns_at_80_by_24()
    {
        Snapshot();

        string screen = Screen();

        Assert.Contains("HOST", screen);
        Assert.Contains("AGENT", screen);
        Assert.Contains("db-02", screen);
        Assert.Contains("disconnected", screen);
        Assert.Contains("web-01", screen);
        Assert.Contains("0.50/1.25/2.00", screen);
        Assert.Contains("live · 2 hosts", screen);
        Assert.DoesNotContain("connection lost", screen);
    }

    [Fact]
    public void A_drop_shows_the_banner_and_keeps_the_stale_rows()
    {
        Snapshot();

        _state.ConnectionLost("Unavailable: gone", TimeSpan.FromSeconds(1));
        string screen = Screen();

        Assert.Contains("connection lost — reconnecting", screen);
        Assert.Contains("stale for 0s", screen);
        Assert.Contains("web-01", screen);
    }

    [Fact]
    public void A_new_snapshot_clears_the_banner()
    {
        Snapshot();
        _state.ConnectionLost("Unavailable: gone", TimeSpan.FromSeconds(1));
        Screen();

        Snapshot();

        Assert.DoesNotContain("connection lost", Screen());
    }

    [Fact]
    public void Host_names_get_the_spare_width_of_a_wide_terminal()
    {
        _app.Driver!.SetScreenSize(120, 30);
        HostSummaryWithName("very-long-hostname-01.prod.example.com");

        Assert.Contains("very-long-hostname-01.prod.example.com", Screen());
    }

    [Fact]
    public void Long_host_names_are_cut_so_every_column_stays_on_an_80_column_screen()
    {
        HostSummaryWithName("very-long-hostname-01.prod.example.com");

        string screen = Screen();

        Assert.Contains("very-long-hostnam…", screen);
        Assert.Contains("AGENT", screen);
        Assert.Contains("0.50/1.25/2.00", screen);
    }

    [Fact]
    public void The_title_says_stale_while_reconnecting()
    {
        Snapshot();
        _state.ConnectionLost("Unavailable: gone", TimeSpan.FromSeconds(1));

        Assert.Contains("warden · hosts (stale)", Screen());
    }

    [Fact]
    public void Without_colors_the_window_sets_no_scheme_of_its_own()
    {
        using var window = new HostListWindow(_state, Address, colors: false);
        using var colored = new HostListWindow(_state, Address, colors: true);

        Assert.DoesNotContain(window.SubViews, v => v.HasScheme);
        Assert.Contains(colored.SubViews, v => v.HasScheme);
    }

    [Theory]
    [InlineData(KeyCode.Q)]
    [InlineData(KeyCode.Esc)]
    public void Q_and_escape_stop_the_app(KeyCode code)
    {
        QuitKeys.Attach(_app);
        Snapshot();
        Assert.False(_window.StopRequested);

        _app.InjectKey(new Key(code));

        Assert.True(_window.StopRequested);
    }

    public void Dispose()
    {
        _window.Dispose();
        _app.Dispose();
    }

    private void Snapshot()
    {
        _state.HostUpserted(Hosts.Web01());
        _state.HostUpserted(Hosts.Db02());
        _state.SnapshotEnded(Hosts.ServerTime);
    }

    private void HostSummaryWithName(string name)
    {
        Proto.V1.HostSummary host = Hosts.Web01();
        host.Host = name;
        _state.HostUpserted(host);
        _state.SnapshotEnded(Hosts.ServerTime);
    }

    private string Screen()
    {
        _app.LayoutAndDraw();
        return _app.Driver!.ToString() ?? string.Empty;
    }
}

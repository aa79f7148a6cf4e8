using Terminal.Gui.Input;
using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Views.Fleet;
using Warden.Tui.Views.Report;

namespace Warden.Tui.Tests.Views.Report;

/// <summary>:report against a real gRPC server on loopback answering a known report.</summary>
public sealed class ReportScreenTests : IAsyncLifetime
{
    private FakeAggregator _aggregator = null!;
    private ConsoleHarness _console = null!;

    public async Task InitializeAsync()
    {
        _aggregator = await FakeAggregator.StartAsync();
        _aggregator.Service.Report = Reports.Known();
        _console = new ConsoleHarness(aggregator: _aggregator.Address);
    }

    public async Task DisposeAsync()
    {
        _console.Dispose();
        await _aggregator.DisposeAsync();
    }

    [Fact]
    public void Report_shows_the_figures_and_tables_of_warden_report_at_80x24_and_scrolls_to_the_causes()
    {
        Open(":report");

        string screen = _console.WaitForText("Fleet availability");
        Assert.Equal((ulong)TimeSpan.FromDays(30).TotalSeconds, _aggregator.Service.LastReportRequest?.SinceSeconds);
        Assert.Contains("warden · report", screen);
        Assert.Contains("last 30d", screen);
        Assert.Contains("Resilience report 2026-10-24 00:00 .. 2026-11-23 00:00 UTC (30d 0h)", screen);
        Assert.Contains("MTBF                     14d 22h  4 host failures (P0-P2)", screen);
        Assert.Contains("Resolved automatically    75.0 %  3 of 4 (1 after a heal), 1 by hand", screen);
        Assert.Contains("Heal success              90.0 %  9 of 10; failed 1, timed out 0, exhausted 0", screen);
        Assert.Contains("web-01      99.167 %  6h 0m         3", screen);

        var report = (ReportScreen)_console.Shell.Current;
        Assert.Contains("disk|full             2", report.Text);
        Assert.DoesNotContain("mem-high", screen);
        _console.Press(Key.End);
        Assert.Contains("mem-high", _console.Screen());
    }

    [Fact]
    public void A_narrow_terminal_puts_each_figures_detail_on_the_line_below_it()
    {
        _console.Resize(60, 24);
        Open(":report");

        _console.WaitForText("Fleet availability");
        string[] lines = _console.Lines();
        int mtbf = Array.FindIndex(lines, l => l.Contains("MTBF", StringComparison.Ordinal));
        Assert.Matches(@"MTBF\s+14d 22h\s*│$", lines[mtbf]);
        Assert.Contains("    4 host failures (P0-P2)", lines[mtbf + 1]);
        Assert.Contains("9 of 10; failed 1, timed out 0, exhausted 0", string.Join('\n', lines));
    }

    [Fact]
    public void Report_with_a_period_asks_for_it_and_p_steps_to_the_next_period()
    {
        Open(":report 7d");
        _console.WaitForText("Fleet availability");
        Assert.Equal(604_800UL, _aggregator.Service.LastReportRequest?.SinceSeconds);
        Assert.Contains("last 7d", _console.Screen());

        _console.Type("p");
        _console.WaitFor(() => _aggregator.Service.LastReportRequest?.SinceSeconds == 2_592_000UL, "the 30d report asked for");
        _console.WaitForText("last 30d");
        Assert.Equal(TimeSpan.FromDays(30), ((ReportScreen)_console.Shell.Current).Period);
    }

    [Theory]
    [InlineData(":report 3x", "not a period like 12h, 7d or 30d")]
    [InlineData(":report 400d", "at most 366d")]
    public void A_bad_period_is_refused_naming_it_and_nothing_is_asked(string command, string mentions)
    {
        Open(command);

        Assert.Contains(mentions, _console.StatusLine());
        Assert.IsType<FleetScreen>(_console.Shell.Current);
        Assert.Null(_aggregator.Service.LastReportRequest);
    }

    [Fact]
    public void An_unreachable_aggregator_says_so_without_ending_the_console()
    {
        using var offline = new ConsoleHarness(aggregator: new Uri("http://127.0.0.1:9"));
        offline.Type(":report");
        offline.Press(Key.Enter);

        string screen = offline.WaitForText("aggregator unreachable");
        Assert.Contains("R tries again", screen);
        offline.Type("R");
        offline.WaitForText("aggregator unreachable");
        Assert.IsType<ReportScreen>(offline.Shell.Current);
        Assert.False(offline.StopRequested);
    }

    [Fact]
    public void R_computes_the_report_again()
    {
        Open(":report");
        _console.WaitForText("Incidents opened               5");

        _aggregator.Service.Report = Reports.Empty();
        _console.Type("R");

        _console.WaitFor(() => System.Text.RegularExpressions.Regex.IsMatch(_console.Screen(), @"Incidents opened\s+0\s+P0 0"), "the empty period's report");
    }

    [Fact]
    public void Help_lists_the_report_keys()
    {
        Open(":report");
        _console.Type("?");

        string help = _console.Screen();
        Assert.Contains("next period: 1d, 7d, 30d, 90d", help);
        Assert.Contains("R", help);
    }

    private void Open(string command)
    {
        _console.Type(command);
        _console.Press(Key.Enter);
    }
}

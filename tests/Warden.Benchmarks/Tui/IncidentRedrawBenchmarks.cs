extern alias tui;

using BenchmarkDotNet.Attributes;
using tui::Warden.Tui.Views.Incidents;

namespace Warden.Benchmarks.Tui;

/// <summary>
/// The incident list over 2,000 open incidents (issue 6: "5,000 hosts and 2,000 open incidents";
/// target: a redraw under 50 ms), opened with `:incidents` on the console holding 5,000 hosts.
/// <see cref="StockTableViewDraw"/> is the same-run baseline (Terminal.Gui's own TableView over
/// the same rows); the others as in <see cref="FleetRedrawBenchmarks"/>, plus the severity filter
/// key (3: P3 only, again: all) and a Shift+letter sort.
/// </summary>
[InProcess]
[MemoryDiagnoser]
[MedianColumn]
public class IncidentRedrawBenchmarks
{
    private BenchConsole _console = null!;
    private StockTableView<IncidentRow> _stock = null!;

    [Params(2_000)]
    public int Incidents { get; set; }

    [Params("80x24", "200x60")]
    public string Screen { get; set; } = "80x24";

    [GlobalSetup]
    public void Setup()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        _console = new BenchConsole(Screen);
        _console.AddHosts(5_000, now);
        _console.AddIncidents(Incidents, now);
        _console.Type(":incidents");
        _console.Enter();
        _console.Draw(forced: true);
        var list = (IncidentsScreen)_console.Shell.Current;
        (int width, _) = BenchConsole.Size(Screen);
        (int shown, int firstWidth) = tui::Warden.Tui.Views.Tables.TableLayout.Fit(IncidentRow.Columns, width - 2, 16, 24);
        _stock = new StockTableView<IncidentRow>(Screen, IncidentRow.Columns.Take(shown).ToArray(), list.Rows, firstWidth);
        _stock.Draw();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _console.Dispose();
        _stock.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void StockTableViewDraw() => _stock.Draw();

    [Benchmark]
    public void DrawOnly() => _console.Draw(forced: true);

    [Benchmark]
    public void UpdateAndDraw()
    {
        _console.Shell.Refresh();
        _console.Draw(forced: false);
    }

    [Benchmark]
    public void UpdateAndRedraw()
    {
        _console.Shell.Refresh();
        _console.Draw(forced: true);
    }

    [Benchmark]
    public void FilterKeyAndDraw()
    {
        _console.Type("3");
        _console.Draw(forced: false);
    }

    [Benchmark]
    public void SortKeyAndDraw()
    {
        _console.Type("A");
        _console.Draw(forced: false);
    }
}

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
public class IncidentRedrawBenchmarks : ConsoleRedrawBenchmarks
{
    [Params(2_000)]
    public int Incidents { get; set; }

    [Params("80x24", "200x60")]
    public string Screen { get; set; } = "80x24";

    [GlobalSetup]
    public void Setup()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        Console = new BenchConsole(Screen);
        Console.AddHosts(5_000, now);
        Console.AddIncidents(Incidents, now);
        Console.Type(":incidents");
        Console.Enter();
        Console.Draw(forced: true);
        var list = (IncidentsScreen)Console.Shell.Current;
        (int width, _) = BenchConsole.Size(Screen);
        (int shown, int firstWidth) = tui::Warden.Tui.Views.Tables.TableLayout.Fit(IncidentRow.Columns, width - 2, 16, 24);
        var stock = new StockTableView<IncidentRow>(Screen, IncidentRow.Columns.Take(shown).ToArray(), list.Rows, firstWidth);
        (Stock, StockDraw) = (stock, stock.Draw);
        StockDraw();
    }

    protected override string SortKey => "A";

    [Benchmark]
    public void FilterKeyAndDraw()
    {
        Console.Type("3");
        Console.Draw(forced: false);
    }
}

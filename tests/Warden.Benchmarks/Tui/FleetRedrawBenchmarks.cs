extern alias tui;

using BenchmarkDotNet.Attributes;
using tui::Warden.Tui.Formatting;
using tui::Warden.Tui.Views.Fleet;

namespace Warden.Benchmarks.Tui;

/// <summary>
/// The fleet view over 5,000 hosts (target: a redraw under 50 ms), headless on Terminal.Gui's ANSI
/// driver, in one run at 80x24 and 200x60. <see cref="StockTableViewDraw"/> is the same-run
/// baseline: Terminal.Gui's own TableView drawing the same rows at the same size, as warden's
/// tables drew until they painted their own lines. <see cref="DrawOnly"/> is a forced full redraw
/// with no new data (a resize); <see cref="UpdateAndDraw"/> is what a live update costs in the
/// running console: rows rebuilt from every host's latest readings, sorted, and what changed drawn;
/// <see cref="UpdateAndRedraw"/> the same followed by a forced full redraw. Hosts are synthetic
/// HostSummary records (<see cref="SyntheticFleet"/>). In process: a view benchmark needs no
/// separate runtime, and the generated boilerplate project does not build within BenchmarkDotNet's
/// two-minute limit on a busy 2-core machine.
/// </summary>
[InProcess]
[MemoryDiagnoser]
[MedianColumn]
public class FleetRedrawBenchmarks : ConsoleRedrawBenchmarks
{
    [Params(5_000)]
    public int Hosts { get; set; }

    [Params("80x24", "200x60")]
    public string Screen { get; set; } = "80x24";

    [GlobalSetup]
    public void Setup()
    {
        Console = new BenchConsole(Screen);
        Console.AddHosts(Hosts, DateTimeOffset.UtcNow);
        Console.Draw(forced: true);
        var fleet = (FleetScreen)Console.Shell.Current;
        (int width, _) = BenchConsole.Size(Screen);
        (int shown, int firstWidth) = tui::Warden.Tui.Views.Tables.TableLayout.Fit(FleetColumns.All, width - 2, FleetColumns.MinHostWidth, FleetColumns.WantHostWidth);
        var stock = new StockTableView<FleetRow>(Screen, FleetColumns.All.Take(shown).ToArray(), fleet.Rows, firstWidth);
        (Stock, StockDraw) = (stock, stock.Draw);
        StockDraw();
    }

    protected override string SortKey => "N";

    [Benchmark]
    public void FilterAndRedraw()
    {
        Console.Shell.Current.Filter = Console.Shell.Current.Filter.Length == 0 ? "web-1" : string.Empty;
        Console.Draw(forced: true);
    }
}

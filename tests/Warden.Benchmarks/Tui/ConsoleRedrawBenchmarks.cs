using BenchmarkDotNet.Attributes;

namespace Warden.Benchmarks.Tui;

/// <summary>
/// What the fleet and incident redraw benchmarks share: the same-run baseline (Terminal.Gui's own
/// TableView over the same rows), a forced full redraw, a live update drawn as the running console
/// draws it (only what changed) and with a forced full redraw, and a Shift+letter sort.
/// </summary>
public abstract class ConsoleRedrawBenchmarks
{
    internal BenchConsole Console { get; set; } = null!;

    internal IDisposable Stock { get; set; } = null!;

    internal Action StockDraw { get; set; } = null!;

    /// <summary>The Shift+letter <see cref="SortKeyAndDraw"/> presses.</summary>
    protected abstract string SortKey { get; }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.Dispose();
        Stock.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void StockTableViewDraw() => StockDraw();

    [Benchmark]
    public void DrawOnly() => Console.Draw(forced: true);

    [Benchmark]
    public void UpdateAndDraw()
    {
        Console.Shell.Refresh();
        Console.Draw(forced: false);
    }

    [Benchmark]
    public void UpdateAndRedraw()
    {
        Console.Shell.Refresh();
        Console.Draw(forced: true);
    }

    /// <summary>The sort key pressed again and again: by the column, then reversed, and so on.</summary>
    [Benchmark]
    public void SortKeyAndDraw()
    {
        Console.Type(SortKey);
        Console.Draw(forced: false);
    }
}

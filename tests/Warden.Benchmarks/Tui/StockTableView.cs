extern alias tui;

using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using tui::Warden.Tui.Formatting;
using tui::Warden.Tui.Views.Tables;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Warden.Benchmarks.Tui;

/// <summary>
/// The "before" of the painted tables, for a same-run ratio: Terminal.Gui's own TableView showing the
/// same rows and columns at the same size, as warden drew its tables until it painted them itself
/// (fixed column widths, full-row cursor, a per-cell colour scheme for score bands).
/// </summary>
internal sealed class StockTableView<TRow> : IDisposable
{
    private readonly IApplication _app;
    private readonly Window _window;

    public StockTableView(string screen, IReadOnlyList<TableColumn<TRow>> columns, IReadOnlyList<TRow> rows, int firstWidth)
    {
        _app = Application.Create(new VirtualTimeProvider());
        _app.Init(DriverRegistry.Names.ANSI);
        (int width, int height) = BenchConsole.Size(screen);
        _app.Driver!.SetScreenSize(width, height);
        var source = new QueryTableSource<TRow>(rows, columns);
        var table = new TableView { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(1), FullRowSelect = true, UseAllRowsForContentCalculation = false, Table = source };
        table.Style.ShowHorizontalHeaderOverline = false;
        table.Style.ShowVerticalCellLineForFirstColumn = false;
        table.Style.ShowVerticalCellLineForLastColumn = false;
        table.Style.ShowHorizontalBottomLine = false;
        for (int c = 0; c < columns.Count; c++)
        {
            ColumnStyle style = table.Style.GetOrCreateColumnStyle(c);
            style.MinWidth = style.MaxWidth = c == 0 ? firstWidth : columns[c].Width;
            if (columns[c].Band is Func<TRow, ScoreBand> band)
            {
                style.ColorGetter = args => ScorePalette.Foreground(band(rows[args.RowIndex])) is Color color
                    ? new Scheme(args.RowScheme) { Normal = new Attribute(color, args.RowScheme.Normal.Background) }
                    : null;
            }
        }

        _window = new Window();
        _window.Add(table);
        _app.Begin(_window);
        table.SetFocus();
    }

    public void Draw() => _app.LayoutAndDraw(true);

    public void Dispose()
    {
        _window.Dispose();
        _app.Dispose();
    }
}

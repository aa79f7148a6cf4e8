using System.Drawing;
using System.Globalization;
using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Warden.Tui.Formatting;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Warden.Tui.Views.Tables;

/// <summary>
/// A TableView (its cursor, scrolling and keys) that paints its own lines: the header, its rule, and
/// one string per cell of the rows on screen, each screen cell written once and only when it
/// changed. Terminal.Gui's own TableView clears the viewport, clears each line and then writes each
/// cell, and every cell write costs the driver hundreds of bytes, so a 200x60 table cost four times
/// what it had to (FleetRedrawBenchmarks). Columns have fixed widths (<see cref="TableLayout"/>), so a line is
/// the cells padded to their widths with a separator between them.
/// </summary>
internal sealed class PaintedTableView<TRow> : TableView, IRepaintable
{
    private readonly Func<TablePaint<TRow>> _paint;
    private string _blank = string.Empty;
    private bool _writeAll;

    // For one draw: the driver's cells and where this view's viewport starts on them.
    private Cell[,]? _shown;
    private Point _origin;

    public PaintedTableView(Func<TablePaint<TRow>> paint)
    {
        _paint = paint;
    }

    protected override bool OnClearingViewport() => true;

    /// <summary>
    /// The next draw writes every cell, shown or not. Skipping what the driver's cells already show
    /// trusts that the terminal got them; Terminal.Gui drops a frame's output silently when the
    /// write to the terminal fails (a full pty, a slow SSH link, an interrupted write), and a cell
    /// that never changes again (a host's name) would stay missing.
    /// </summary>
    public void RepaintAll()
    {
        _writeAll = true;
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        TablePaint<TRow> paint = _paint();
        Rectangle viewport = Viewport;
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        Attribute cursor = GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Active);
        int selected = Value?.SelectedCell.Y ?? -1;
        _shown = _writeAll ? null : App?.Driver?.Contents;
        _writeAll = false;
        _origin = ViewportToScreen(Point.Empty);
        Write(0, 0, paint.HeaderLine(viewport.Width), normal);
        // The rule under the header follows the style, as the TableView's cursor and scrolling do.
        int headerLines = Style.ShowHorizontalHeaderUnderline ? 2 : 1;
        if (headerLines == 2)
        {
            Write(0, 1, paint.RuleLine(viewport.Width), normal);
        }

        for (int line = headerLines; line < viewport.Height; line++)
        {
            int row = RowOffset + line - headerLines;
            if (row < paint.Rows.Count)
            {
                PaintRow(paint, paint.Rows[row], line, row == selected ? cursor : normal, row == selected, viewport.Width);
            }
            else
            {
                Write(0, line, Blank(viewport.Width), normal);
            }
        }

        return true;
    }

    private void PaintRow(TablePaint<TRow> paint, TRow row, int line, Attribute rowAttribute, bool isCursor, int width)
    {
        int x = 0;
        for (int c = 0; c < paint.Columns.Count && x < width; c++)
        {
            TableColumn<TRow> column = paint.Columns[c];
            int cellWidth = c == 0 ? paint.FirstWidth : column.Width;
            Attribute attribute = rowAttribute;
            if (!isCursor && paint.Colors && column.Band is Func<TRow, ScoreBand> band && ScorePalette.Foreground(band(row)) is Terminal.Gui.Drawing.Color foreground)
            {
                attribute = new Attribute(foreground, rowAttribute.Background);
            }

            Write(x, line, TablePaint<TRow>.Fit(column.Cell(row), cellWidth, column.RightAligned), attribute);
            x += cellWidth;
            if (c < paint.Columns.Count - 1)
            {
                Write(x, line, TablePaint<TRow>.Separator, rowAttribute);
                x++;
            }
        }

        if (x < width)
        {
            Write(x, line, Blank(width - x), rowAttribute);
        }
    }

    private string Blank(int width)
    {
        if (_blank.Length < width)
        {
            _blank = new string(' ', width);
        }

        return width == _blank.Length ? _blank : _blank[..width];
    }

    /// <summary>
    /// Writes the text at a viewport position unless the screen already shows exactly it: the driver
    /// turns every written cell into graphemes and measures each one several times (kilobytes of
    /// garbage per cell), while a live update changes a few cells of each line (an age, a score).
    /// </summary>
    private void Write(int col, int line, string text, Attribute attribute)
    {
        if (ScreenShows(col, line, text, attribute))
        {
            return;
        }

        SetAttribute(attribute);
        Move(col, line);
        AddStr(text);
    }

    /// <summary>
    /// True when the driver's cells at the position hold this text, one character per cell (as the
    /// table lays text out), in this attribute. Anything else (a surrogate pair, a combining mark,
    /// the edge of the screen, no driver) counts as different, so it is written.
    /// </summary>
    private bool ScreenShows(int col, int line, string text, Attribute attribute)
    {
        if (_shown is not Cell[,] contents)
        {
            return false;
        }

        var start = new Point(_origin.X + col, _origin.Y + line);
        if (start.Y < 0 || start.Y >= contents.GetLength(0) || start.X < 0 || start.X + text.Length > contents.GetLength(1))
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            Cell cell = contents[start.Y, start.X + i];
            if (char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Control
                || cell.Attribute != attribute || cell.Grapheme is not { Length: 1 } grapheme || grapheme[0] != c)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>What <see cref="PaintedTableView{TRow}"/> paints: the shown columns, the first one's width, the rows.</summary>
internal sealed record TablePaint<TRow>(IReadOnlyList<TableColumn<TRow>> Columns, int FirstWidth, IReadOnlyList<TRow> Rows, bool Colors)
{
    public const string Separator = "│";

    /// <summary>The column the rows are sorted by: its header ends in ↑ or ↓.</summary>
    public int SortColumn { get; init; } = -1;

    public bool Descending { get; init; }

    public string HeaderLine(int width)
    {
        var line = new StringBuilder(width);
        for (int c = 0; c < Columns.Count; c++)
        {
            line.Append(c > 0 ? Separator : string.Empty).Append(Header(c));
        }

        return line.Length < width ? line.Append(' ', width - line.Length).ToString() : line.ToString();
    }

    private string Header(int c)
    {
        int width = c == 0 ? FirstWidth : Columns[c].Width;
        string header = Columns[c].Header;
        if (c != SortColumn || width <= 0)
        {
            return Fit(header, width, Columns[c].RightAligned);
        }

        // The arrow replaces the header's last letter where the column is too narrow for both.
        string arrow = Descending ? "↓" : "↑";
        string marked = header.Length + 1 <= width ? header + arrow : string.Concat(header.AsSpan(0, width - 1), arrow);
        return Fit(marked, width, Columns[c].RightAligned);
    }

    public string RuleLine(int width)
    {
        var line = new StringBuilder(width);
        for (int c = 0; c < Columns.Count; c++)
        {
            line.Append(c > 0 ? "┼" : string.Empty).Append('─', c == 0 ? FirstWidth : Columns[c].Width);
        }

        return line.Length < width ? line.Append('─', width - line.Length).ToString() : line.ToString();
    }

    /// <summary>The text in exactly <paramref name="width"/> cells: padded, or cut with "…".</summary>
    public static string Fit(string text, int width, bool rightAligned)
    {
        if (text.Length > width)
        {
            return width <= 0 ? string.Empty : string.Concat(text.AsSpan(0, width - 1), "…");
        }

        return rightAligned ? text.PadLeft(width) : text.PadRight(width);
    }
}

using System.Drawing;
using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Warden.Tui.Formatting;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Warden.Tui.Views.Tables;

/// <summary>
/// A TableView (its cursor, scrolling and keys) that paints its own lines: the header, its rule, and
/// one string per cell of the rows on screen, each screen cell written once. Terminal.Gui's own
/// TableView clears the viewport, clears each line and then writes each cell, and every cell write
/// costs the driver hundreds of bytes, so a 200x60 table cost four times what it had to
/// (FleetRedrawBenchmarks). Columns have fixed widths (<see cref="TableLayout"/>), so a line is
/// the cells padded to their widths with a separator between them.
/// </summary>
internal sealed class PaintedTableView<TRow> : TableView
{
    private readonly Func<TablePaint<TRow>> _paint;

    public PaintedTableView(Func<TablePaint<TRow>> paint)
    {
        _paint = paint;
    }

    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        TablePaint<TRow> paint = _paint();
        Rectangle viewport = Viewport;
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        Attribute cursor = GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Active);
        int selected = Value?.SelectedCell.Y ?? -1;
        SetAttribute(normal);
        Move(0, 0);
        AddStr(paint.HeaderLine(viewport.Width));
        // The rule under the header follows the style, as the TableView's cursor and scrolling do.
        int headerLines = Style.ShowHorizontalHeaderUnderline ? 2 : 1;
        if (headerLines == 2)
        {
            Move(0, 1);
            AddStr(paint.RuleLine(viewport.Width));
        }

        for (int line = headerLines; line < viewport.Height; line++)
        {
            int row = RowOffset + line - headerLines;
            Move(0, line);
            if (row < paint.Rows.Count)
            {
                PaintRow(paint, paint.Rows[row], row == selected ? cursor : normal, row == selected, viewport.Width);
            }
            else
            {
                SetAttribute(normal);
                AddStr(new string(' ', viewport.Width));
            }
        }

        return true;
    }

    private void PaintRow(TablePaint<TRow> paint, TRow row, Attribute rowAttribute, bool isCursor, int width)
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

            SetAttribute(attribute);
            AddStr(TablePaint<TRow>.Fit(column.Cell(row), cellWidth, column.RightAligned));
            x += cellWidth;
            if (c < paint.Columns.Count - 1)
            {
                SetAttribute(rowAttribute);
                AddStr(TablePaint<TRow>.Separator);
                x++;
            }
        }

        if (x < width)
        {
            SetAttribute(rowAttribute);
            AddStr(new string(' ', width - x));
        }
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

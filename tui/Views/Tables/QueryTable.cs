using System.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Warden.Tui.Views.Tables;

/// <summary>
/// A table showing rows through a <see cref="TableQuery{TRow}"/>: columns fitted to the width,
/// score cells coloured (unless colours are off; <see cref="PaintedTableView{TRow}"/> paints them),
/// and the cursor kept on the same row (by key) when live updates re-sort the table. The column
/// styles still tell the TableView the widths, which its cursor and scrolling go by.
/// </summary>
internal sealed class QueryTable<TRow>
{
    private readonly IReadOnlyList<TableColumn<TRow>> _columns;
    private readonly Func<TRow, string> _key;
    private readonly int _minFirst;
    private readonly int _wantFirst;
    private readonly bool _colors;
    private IEnumerable<TRow> _all = [];
    private QueryTableSource<TRow> _source;
    private int _firstWidth;

    public QueryTable(IReadOnlyList<TableColumn<TRow>> columns, TableQuery<TRow> query, Func<TRow, string> key, int minFirst, int wantFirst, bool colors)
    {
        _columns = columns;
        _key = key;
        _minFirst = minFirst;
        _wantFirst = wantFirst;
        _colors = colors;
        Query = query;
        _source = new QueryTableSource<TRow>([], columns, painted: true);
        // Widths are fixed per column, so only the rows on screen need measuring (not all 5,000).
        View = new PaintedTableView<TRow>(() => new TablePaint<TRow>(_source.ColumnList, _firstWidth, _source.RowList, _colors) { SortColumn = Query.SortColumn, Descending = Query.Descending }) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), FullRowSelect = true, UseAllRowsForContentCalculation = false, Table = _source };
        ApplyStyle(View.Style);
        Shown = columns.Count;
        _firstWidth = minFirst;
        View.ViewportChanged += (_, _) => Fit();
    }

    /// <summary>The keys <see cref="HandleSortKey"/> takes, for a screen's help.</summary>
    public static IReadOnlyList<Shell.KeyHelp> SortKeys { get; } =
    [
        new("o", "sort by the next column (ascending)"),
        new("O", "reverse the sort"),
    ];

    public TableView View { get; }

    public string Filter
    {
        get => Query.Filter;
        set
        {
            Query.Filter = value;
            Rebuild();
        }
    }

    public TableQuery<TRow> Query { get; }

    /// <summary>How many columns (from the left) are on screen at the current width.</summary>
    public int Shown { get; private set; }

    public IReadOnlyList<TRow> Rows => _source.RowList;

    public TRow? Selected => View.Value?.SelectedCell.Y is int row && row >= 0 && row < _source.Rows ? _source.RowList[row] : default;

    /// <summary>Replaces the rows: filter and sort are applied, the cursor follows its row.</summary>
    public void Show(IEnumerable<TRow> rows)
    {
        _all = rows;
        Rebuild();
    }

    /// <summary>Re-applies the query to the rows last shown (after the filter or sort changed).</summary>
    public void Rebuild()
    {
        string? selectedKey = Selected is TRow selected ? _key(selected) : null;
        _source = new QueryTableSource<TRow>(Query.Apply(_all, Shown), _columns.Take(Shown).ToArray(), painted: true);
        View.Table = _source;
        if (selectedKey is not null && IndexOf(selectedKey) is int row)
        {
            View.Value = new TableSelection(new Point(0, row));
        }

        View.Update();
    }

    /// <summary>
    /// The help lines for the columns' sort letters ("N HOST, S HEALTH, ..."), wrapped to fit 80
    /// columns; none when no column has one.
    /// </summary>
    public static IReadOnlyList<Shell.KeyHelp> LetterHelp(IReadOnlyList<TableColumn<TRow>> columns)
    {
        string[] keys = columns.Where(c => c.SortKey is not null).Select(c => $"{c.SortKey} {c.Header}").ToArray();
        var lines = new List<Shell.KeyHelp>();
        for (int i = 0; i < keys.Length; i += 5)
        {
            string what = string.Join(", ", keys.Skip(i).Take(5)) + (i + 5 >= keys.Length ? "; again: reverse" : ",");
            lines.Add(i == 0 ? new("Shift+letter", $"sort: {what}") : new(string.Empty, $"      {what}"));
        }

        return lines;
    }

    /// <summary>
    /// o sorts by the next shown column, O reverses, a column's capital letter sorts by it (again:
    /// reverses); false for any other key.
    /// </summary>
    public bool HandleSortKey(Key key)
    {
        if (SortColumnFor(key) is int column)
        {
            Query.SortBy(column);
        }
        else if (key == Key.O)
        {
            Query.NextSortColumn(Shown);
        }
        else if (key == Key.O.WithShift)
        {
            Query.ReverseSort();
        }
        else
        {
            return false;
        }

        Rebuild();
        return true;
    }

    private int? SortColumnFor(Key key)
    {
        if (key.IsCtrl || key.IsAlt || !key.TryGetPrintableRune(out System.Text.Rune rune) || !System.Text.Rune.IsUpper(rune))
        {
            return null;
        }

        for (int c = 0; c < _columns.Count; c++)
        {
            if (_columns[c].SortKey is char letter && letter == rune.Value)
            {
                return c;
            }
        }

        return null;
    }

    private int? IndexOf(string key)
    {
        IReadOnlyList<TRow> rows = _source.RowList;
        for (int i = 0; i < rows.Count; i++)
        {
            if (_key(rows[i]) == key)
            {
                return i;
            }
        }

        return null;
    }

    private void Fit()
    {
        (int shown, int firstWidth) = TableLayout.Fit(_columns, View.Viewport.Width, _minFirst, _wantFirst);
        ColumnStyle first = View.Style.GetOrCreateColumnStyle(0);
        if (shown == Shown && first.MaxWidth == firstWidth)
        {
            return;
        }

        _firstWidth = firstWidth;
        first.MaxWidth = firstWidth;
        first.MinWidth = firstWidth;
        Shown = shown;
        Rebuild();
    }

    private void ApplyStyle(TableStyle style)
    {
        style.ShowHorizontalHeaderOverline = false;
        style.ShowVerticalCellLineForFirstColumn = false;
        style.ShowVerticalCellLineForLastColumn = false;
        style.ShowHorizontalBottomLine = false;
        style.AlwaysShowHeaders = true;
        for (int c = 0; c < _columns.Count; c++)
        {
            TableColumn<TRow> column = _columns[c];
            ColumnStyle columnStyle = style.GetOrCreateColumnStyle(c);
            columnStyle.MaxWidth = column.Width;
            columnStyle.MinWidth = column.Width;
            if (column.RightAligned)
            {
                columnStyle.Alignment = Alignment.End;
            }
        }
    }
}

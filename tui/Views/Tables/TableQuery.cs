namespace Warden.Tui.Views.Tables;

/// <summary>
/// What the operator asked of a table: a filter (case-insensitive substring of any shown cell) and
/// a sort column and direction. Ties keep the order of <c>tieBreak</c>, so rows never jump around.
/// </summary>
internal sealed class TableQuery<TRow>(IReadOnlyList<TableColumn<TRow>> columns, int sortColumn, Comparison<TRow> tieBreak)
{
    public string Filter { get; set; } = string.Empty;

    public int SortColumn { get; private set; } = sortColumn;

    public bool Descending { get; private set; }

    public string SortLabel => columns[SortColumn].Header + (Descending ? "↓" : "↑");

    /// <summary>Next column among the first <paramref name="shownColumns"/> (the ones on screen), ascending.</summary>
    public void NextSortColumn(int shownColumns)
    {
        SortColumn = (SortColumn + 1) % Math.Clamp(shownColumns, 1, columns.Count);
        Descending = false;
    }

    public void ReverseSort() => Descending = !Descending;

    /// <summary>Sorts by <paramref name="column"/> ascending; when it is already the sort column, reverses instead.</summary>
    public void SortBy(int column)
    {
        if (column == SortColumn)
        {
            ReverseSort();
            return;
        }

        SortColumn = column;
        Descending = false;
    }

    public List<TRow> Apply(IEnumerable<TRow> rows, int shownColumns)
    {
        List<TRow> result = Filter.Length == 0 ? rows.ToList() : rows.Where(r => Matches(r, shownColumns)).ToList();
        Comparison<TRow> order = columns[SortColumn].Order;
        int sign = Descending ? -1 : 1;
        result.Sort((a, b) =>
        {
            int byColumn = sign * order(a, b);
            return byColumn != 0 ? byColumn : tieBreak(a, b);
        });
        return result;
    }

    private bool Matches(TRow row, int shownColumns)
    {
        for (int c = 0; c < shownColumns && c < columns.Count; c++)
        {
            if (columns[c].Cell(row).Contains(Filter, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

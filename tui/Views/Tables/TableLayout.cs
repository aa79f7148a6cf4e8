namespace Warden.Tui.Views.Tables;

/// <summary>
/// Which columns fit a width. The first column is flexible: it takes what the others leave but never
/// less than <c>minFirst</c>; optional columns (at the end of the list) are dropped, last first,
/// until the first column gets <c>wantFirst</c>.
/// </summary>
internal static class TableLayout
{
    public static (int Shown, int FirstWidth) Fit<TRow>(IReadOnlyList<TableColumn<TRow>> columns, int tableWidth, int minFirst, int wantFirst)
    {
        int shown = columns.Count;
        while (shown > 1 && columns[shown - 1].Optional && FirstWidth(columns, shown, tableWidth) < wantFirst)
        {
            shown--;
        }

        return (shown, Math.Max(minFirst, FirstWidth(columns, shown, tableWidth)));
    }

    // Each column after the first costs its width plus one separator cell.
    private static int FirstWidth<TRow>(IReadOnlyList<TableColumn<TRow>> columns, int shown, int tableWidth)
    {
        int others = 0;
        for (int c = 1; c < shown; c++)
        {
            others += columns[c].Width + 1;
        }

        return tableWidth - others;
    }
}

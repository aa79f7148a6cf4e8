namespace Warden.Tui.Views.Tables;

/// <summary>Comparisons for table columns: missing values sort after present ones.</summary>
internal static class RowOrder
{
    public static Comparison<TRow> By<TRow>(Func<TRow, double?> value) => (a, b) => (value(a), value(b)) switch
    {
        (double x, double y) => x.CompareTo(y),
        (null, null) => 0,
        (null, _) => 1,
        _ => -1,
    };

    public static Comparison<TRow> By<TRow>(Func<TRow, string> value) =>
        (a, b) => string.Compare(value(a), value(b), StringComparison.Ordinal);

    public static Comparison<TRow> By<TRow>(Func<TRow, TimeSpan?> value) =>
        By<TRow>(r => value(r) is TimeSpan t ? t.TotalSeconds : null);
}

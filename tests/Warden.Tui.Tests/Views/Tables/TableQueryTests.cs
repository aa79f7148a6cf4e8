using Warden.Tui.Views.Tables;

namespace Warden.Tui.Tests.Views.Tables;

public sealed class TableQueryTests
{
    private static readonly TableColumn<(string Name, double? Score)>[] Columns =
    [
        new("NAME", 10, r => r.Name, RowOrder.By<(string Name, double? Score)>(r => r.Name)),
        new("SCORE", 5, r => r.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", RowOrder.By<(string Name, double? Score)>(r => r.Score)),
        new("HIDDEN", 5, _ => "secret", (_, _) => 0) { Optional = true },
    ];

    private static readonly (string, double?)[] Rows = [("b", 50), ("a", 50), ("c", null), ("d", 90)];

    private readonly TableQuery<(string Name, double? Score)> _query = new(Columns, 1, Columns[0].Order);

    [Fact]
    public void Sorts_by_the_column_with_missing_values_last_and_ties_by_the_tie_break()
    {
        Assert.Equal(["a", "b", "d", "c"], Names(_query.Apply(Rows, 2)));
        Assert.Equal("SCORE↑", _query.SortLabel);
    }

    [Fact]
    public void Reversing_puts_missing_values_first()
    {
        _query.ReverseSort();

        Assert.Equal(["c", "d", "a", "b"], Names(_query.Apply(Rows, 2)));
        Assert.Equal("SCORE↓", _query.SortLabel);
    }

    [Fact]
    public void The_next_sort_column_wraps_within_the_shown_columns_and_starts_ascending()
    {
        _query.ReverseSort();

        _query.NextSortColumn(2);

        Assert.Equal("NAME↑", _query.SortLabel);
    }

    [Fact]
    public void The_filter_matches_shown_cells_only_and_ignores_case()
    {
        _query.Filter = "SECRET";
        Assert.Empty(_query.Apply(Rows, 2));

        _query.Filter = "9";
        Assert.Equal(["d"], Names(_query.Apply(Rows, 2)));

        _query.Filter = "-";
        Assert.Equal(["c"], Names(_query.Apply(Rows, 2)));
    }

    private static List<string> Names(IEnumerable<(string Name, double? Score)> rows) => rows.Select(r => r.Name).ToList();
}

using Warden.Tui.Views.Tables;

namespace Warden.Tui.Tests.Views.Tables;

public sealed class TablePaintTests
{
    private static readonly TableColumn<string>[] Columns =
    [
        new("NAME", 4, r => r, RowOrder.By<string>(r => r)),
        new("SCORE", 5, r => r.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), RowOrder.By<string>(r => (double?)r.Length)) { RightAligned = true },
        new("ID", 2, r => r, RowOrder.By<string>(r => r)),
    ];

    [Theory]
    [InlineData("web", 5, false, "web  ")]
    [InlineData("web", 5, true, "  web")]
    [InlineData("web-01.example", 6, false, "web-0…")]
    [InlineData("abc", 0, false, "")]
    public void A_cell_takes_exactly_its_width(string text, int width, bool right, string expected) =>
        Assert.Equal(expected, TablePaint<string>.Fit(text, width, right));

    [Fact]
    public void The_header_marks_the_sort_column_and_pads_to_the_width()
    {
        var paint = new TablePaint<string>(Columns, 8, [], Colors: false) { SortColumn = 1, Descending = true };

        Assert.Equal("NAME    │SCOR↓│ID   ", paint.HeaderLine(20));
        Assert.Equal("────────┼─────┼─────", paint.RuleLine(20));
    }

    [Fact]
    public void A_narrow_sort_column_gives_its_last_letter_to_the_arrow()
    {
        var paint = new TablePaint<string>(Columns, 4, [], Colors: false) { SortColumn = 2 };

        Assert.Equal("NAME│SCORE│I↑", paint.HeaderLine(13));
    }
}

using Warden.Tui.Formatting;
using Warden.Tui.Views.Fleet;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Tests.Views.Tables;

public sealed class TableLayoutTests
{
    [Theory]
    [InlineData(78, 11, 17)]   // 80x24 inside the window border
    [InlineData(88, 12, 21)]   // room for CPU% only
    [InlineData(107, 14, 28)]  // one cell short of room for VERSION
    [InlineData(108, 15, 20)]
    [InlineData(198, 15, 110)]
    [InlineData(40, 11, 12)]   // narrower than 80: HOST keeps its minimum, the table scrolls
    public void Fleet_columns_fit_the_width(int width, int shown, int hostWidth)
    {
        (int Shown, int FirstWidth) fit = TableLayout.Fit(FleetColumns.All, width, FleetColumns.MinHostWidth, FleetColumns.WantHostWidth);

        Assert.Equal((shown, hostWidth), fit);
    }

    [Fact]
    public void Only_optional_columns_are_dropped()
    {
        Assert.All(FleetColumns.All.Take(11), c => Assert.False(c.Optional, c.Header));
        Assert.Equal(["CPU%", "MEM%", "LOAD", "VERSION"], FleetColumns.All.Where(c => c.Optional).Select(c => c.Header));
        Assert.Equal(HealthComponents.Headers, FleetColumns.All.Skip(3).Take(6).Select(c => c.Header));
    }
}

using Warden.Tui.Views.Host;

namespace Warden.Tui.Tests.Views.Host;

public sealed class PaneHeightsTests
{
    [Fact]
    public void The_focused_pane_grows_first_and_the_others_keep_a_title_a_header_and_two_rows()
    {
        // 17 rows: checks 10, heals 30, readings 40 rows.
        Assert.Equal([9, 4, 4], PaneHeights.Split(17, [10, 30, 40], focused: 0));
        Assert.Equal([4, 9, 4], PaneHeights.Split(17, [10, 30, 40], focused: 1));
        Assert.Equal([4, 4, 9], PaneHeights.Split(17, [10, 30, 40], focused: 2));
    }

    [Fact]
    public void Rows_the_focused_pane_does_not_need_go_to_the_others_in_order_and_a_focused_pane_takes_what_it_can_use()
    {
        Assert.Equal([4, 7, 6], PaneHeights.Split(17, [2, 5, 40], focused: 0));
        Assert.Equal([4, 4, 9], PaneHeights.Split(17, [2, 5, 40], focused: 2));
    }

    [Fact]
    public void A_pane_without_rows_is_its_title_line_alone()
    {
        Assert.Equal([4, 1, 12], PaneHeights.Split(17, [2, 0, 40], focused: 2));
    }

    [Fact]
    public void A_tiny_terminal_gives_each_pane_its_least_and_nothing_goes_negative()
    {
        Assert.Equal([4, 4, 4], PaneHeights.Split(5, [10, 30, 40], focused: 1));
        Assert.Equal([4, 4, 4], PaneHeights.Split(0, [10, 30, 40], focused: 0));
    }
}

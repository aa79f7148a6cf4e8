using Warden.Tui.Formatting;

namespace Warden.Tui.Tests.Formatting;

public sealed class SparklineTests
{
    private static readonly SparkGlyphs Blocks = SparkGlyphs.Blocks;

    [Fact]
    public void A_rising_series_climbs_from_the_lowest_to_the_highest_level()
    {
        Assert.Equal("▁▂▃▄▅▆▇█", Sparkline.Render(Points(0, 1, 2, 3, 4, 5, 6, 7), 8, Blocks));
        // Its own range: 1000..1007 draws the same as 0..7.
        Assert.Equal("▁▂▃▄▅▆▇█", Sparkline.Render(Points(1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007), 8, Blocks));
    }

    [Fact]
    public void A_given_range_scales_against_it_and_clamps_points_outside()
    {
        Assert.Equal("▁▁▅██", Sparkline.Render(Points(0, 2, 50, 100, 250), 5, Blocks, (0, 100)));
    }

    [Fact]
    public void A_flat_series_sits_on_the_middle_level_whatever_its_value()
    {
        Assert.Equal("▄▄▄", Sparkline.Render(Points(0, 0, 0), 3, Blocks));
        Assert.Equal("▄▄▄", Sparkline.Render(Points(42, 42, 42), 3, Blocks));
        Assert.Equal("▄", Sparkline.Render(Points(7), 1, Blocks));
    }

    [Fact]
    public void Missing_NaN_and_infinite_points_are_gaps_and_do_not_stretch_the_scale()
    {
        var points = new double?[] { 0, null, double.NaN, 7, double.PositiveInfinity, double.NegativeInfinity };
        Assert.Equal("▁  █  ", Sparkline.Render(points, 6, Blocks));
        Assert.Equal("    ", Sparkline.Render([null, double.NaN, null, null], 4, Blocks));
    }

    [Fact]
    public void Only_the_newest_points_that_fit_are_drawn_and_a_short_series_ends_at_the_right_edge()
    {
        // 0..9 in width 4: the last four (6..9), scaled against themselves.
        Assert.Equal("▁▃▆█", Sparkline.Render(Points(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 4, Blocks));
        Assert.Equal("   ▁█", Sparkline.Render(Points(1, 2), 5, Blocks));
        Assert.Equal(string.Empty, Sparkline.Render(Points(1, 2), 0, Blocks));
        Assert.Equal("   ", Sparkline.Render([], 3, Blocks));
    }

    [Fact]
    public void Ascii_glyphs_draw_the_same_levels_with_plain_characters()
    {
        Assert.Equal("_.:-=+*#", Sparkline.Render(Points(0, 1, 2, 3, 4, 5, 6, 7), 8, SparkGlyphs.Ascii));
        Assert.All(Sparkline.Render(Points(3, 1, 4, 1, 5, 9, 2, 6), 8, SparkGlyphs.Ascii), c => Assert.InRange(c, ' ', '~'));
    }

    [Theory]
    [InlineData("xterm-256color", null, "blocks")]
    [InlineData("screen", null, "blocks")]
    [InlineData(null, null, "blocks")]
    [InlineData("linux", null, "ascii")]
    [InlineData("vt100", null, "ascii")]
    [InlineData("dumb", null, "ascii")]
    [InlineData("xterm-256color", "", "ascii")]
    [InlineData("xterm-256color", "1", "ascii")]
    public void The_terminal_and_WARDEN_ASCII_choose_the_glyphs_and_NO_COLOR_does_not(string? term, string? ascii, string expected)
    {
        var env = new Dictionary<string, string?> { ["TERM"] = term, ["WARDEN_ASCII"] = ascii, ["NO_COLOR"] = "1" };
        SparkGlyphs glyphs = SparkGlyphs.For(name => env.GetValueOrDefault(name));
        Assert.Equal(expected == "ascii" ? SparkGlyphs.Ascii : SparkGlyphs.Blocks, glyphs);
    }

    private static double?[] Points(params double[] values) => values.Select(v => (double?)v).ToArray();
}

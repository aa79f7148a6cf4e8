using Warden.Tui.Formatting;

namespace Warden.Tui.Tests.Formatting;

public sealed class ScoreBandsTests
{
    [Theory]
    [InlineData(100.0, "Healthy", "100")]
    [InlineData(99.9, "Degraded", "99~")]
    [InlineData(80.0, "Degraded", "80~")]
    [InlineData(79.99, "Unhealthy", "79!")]
    [InlineData(0.0, "Unhealthy", "0!")]
    public void Bands_follow_the_design_and_the_cell_says_the_band(double score, string band, string cell)
    {
        Assert.Equal(band, ScoreBands.Of(score).ToString());
        Assert.Equal(cell, ScoreBands.Cell(score));
    }

    [Fact]
    public void No_reading_is_no_data_not_a_score()
    {
        Assert.Equal(ScoreBand.NoData, ScoreBands.Of(null));
        Assert.Equal("-", ScoreBands.Cell(null));
        Assert.Equal("no data", ScoreBands.Word(ScoreBand.NoData));
    }
}

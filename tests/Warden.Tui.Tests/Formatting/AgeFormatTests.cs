using Warden.Tui.Formatting;

namespace Warden.Tui.Tests.Formatting;

public sealed class AgeFormatTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(3, "3s")]
    [InlineData(59, "59s")]
    [InlineData(60, "1m")]
    [InlineData(150, "2m")]
    [InlineData(3599, "59m")]
    [InlineData(3600, "1h")]
    [InlineData(86399, "23h")]
    [InlineData(86400, "1d")]
    [InlineData(4 * 86400 + 3600, "4d")]
    public void Formats_the_largest_whole_unit(int seconds, string expected) =>
        Assert.Equal(expected, AgeFormat.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void A_last_seen_in_the_future_from_clock_skew_reads_as_zero() =>
        Assert.Equal("0s", AgeFormat.Format(TimeSpan.FromSeconds(-5)));
}

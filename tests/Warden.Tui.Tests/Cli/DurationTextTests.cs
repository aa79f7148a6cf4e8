using Warden.Tui.Cli;

namespace Warden.Tui.Tests.Cli;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("2h", 7200)]
    [InlineData("30d", 2_592_000)]
    public void Reads_a_number_and_a_unit(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out TimeSpan duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("10")]
    [InlineData("-5m")]
    [InlineData("+5m")]
    [InlineData("1.5h")]
    [InlineData("5w")]
    [InlineData("0s")]
    [InlineData("31d")]
    [InlineData("2592001s")]
    [InlineData("99999999999999999999d")]
    public void Refuses_anything_else(string text) => Assert.False(DurationText.TryParse(text, out _));
}

using Warden.Agent.Checks;

namespace Warden.Agent.Tests.Checks;

public class ThresholdTests
{
    [Theory]
    [InlineData(79.9, CheckStatus.Ok)]
    [InlineData(80, CheckStatus.Warn)]
    [InlineData(89.99, CheckStatus.Warn)]
    [InlineData(90, CheckStatus.Crit)]
    [InlineData(double.NaN, CheckStatus.Unknown)]
    public void Higher_is_worse_when_warn_is_below_crit(double value, CheckStatus expected) =>
        Assert.Equal(expected, new Threshold(80, 90).Judge(value));

    [Theory]
    [InlineData(30, CheckStatus.Ok)]
    [InlineData(10, CheckStatus.Warn)]
    [InlineData(5, CheckStatus.Crit)]
    [InlineData(-3, CheckStatus.Crit)]
    public void Lower_is_worse_when_warn_is_above_crit(double value, CheckStatus expected) =>
        Assert.Equal(expected, new Threshold(10, 5).Judge(value));

    [Fact]
    public void Describes_itself_as_an_operator_writes_it()
    {
        Assert.Equal("warn ≥ 80 %, crit ≥ 90 %", new Threshold(80, 90).Describe("%"));
        Assert.Equal("warn ≤ 30 days, crit ≤ 7 days", new Threshold(30, 7).Describe("days"));
    }
}

using Warden.Tui.Views;

namespace Warden.Tui.Tests.Views;

public sealed class ColorPolicyTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("")]
    public void NO_COLOR_present_with_any_value_turns_colors_off(string value) =>
        Assert.False(ColorPolicy.ColorsAllowed(name => name == "NO_COLOR" ? value : null));

    [Fact]
    public void Colors_are_on_without_NO_COLOR() =>
        Assert.True(ColorPolicy.ColorsAllowed(_ => null));
}

using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Tests.Views.Shell;

public sealed class ScreenCatalogTests
{
    private readonly ScreenCatalog _catalog = new ScreenCatalog()
        .Add("probe", () => new ActionProbeScreen(), "p")
        .Unavailable("later", "needs an API");

    [Theory]
    [InlineData("probe")]
    [InlineData("PROBE")]
    [InlineData("p")]
    public void Opens_a_view_by_name_or_alias_in_any_case(string name)
    {
        using IScreen? screen = _catalog.Open(name, out string message);

        Assert.IsType<ActionProbeScreen>(screen);
        Assert.Empty(message);
    }

    [Fact]
    public void An_unavailable_view_gives_its_reason()
    {
        Assert.Null(_catalog.Open("later", out string message));
        Assert.Equal(":later is not available: needs an API", message);
    }

    [Fact]
    public void An_unknown_view_lists_the_names_without_aliases()
    {
        Assert.Null(_catalog.Open("x", out string message));
        Assert.Equal("unknown view ':x' — try :probe, :later", message);
    }
}

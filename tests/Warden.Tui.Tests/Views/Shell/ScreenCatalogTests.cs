using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Tests.Views.Shell;

public sealed class ScreenCatalogTests
{
    private readonly ScreenCatalog _catalog = new ScreenCatalog()
        .Add("probe", () => new ActionProbeScreen(), "p")
        .Unavailable("later", "needs an API")
        .Add("with", (string argument, out string message) =>
        {
            message = argument == "bad" ? "bad argument" : string.Empty;
            return argument == "bad" ? null : new ActionProbeScreen { Argument = argument };
        });

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
        Assert.Equal("unknown view ':x' — try :probe, :later, :with", message);
    }

    [Theory]
    [InlineData("with 7d", "7d")]
    [InlineData("with", "")]
    [InlineData("WITH   12h ", "12h")]
    public void A_view_with_an_argument_gets_the_text_after_its_name(string command, string argument)
    {
        using IScreen? screen = _catalog.Open(command, out string message);

        Assert.Equal(argument, Assert.IsType<ActionProbeScreen>(screen).Argument);
        Assert.Empty(message);
    }

    [Fact]
    public void A_bad_argument_gives_the_views_message_and_a_view_without_arguments_refuses_one()
    {
        Assert.Null(_catalog.Open("with bad", out string bad));
        Assert.Equal("bad argument", bad);
        Assert.Null(_catalog.Open("probe 7d", out string none));
        Assert.Equal(":probe takes nothing after its name (got '7d')", none);
    }
}

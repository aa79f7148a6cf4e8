using Warden.Tui.Cli;
using Warden.Tui.Tests.Fixtures;

namespace Warden.Tui.Tests.Cli;

public sealed class WardenCommandLineTests
{
    [Theory]
    [InlineData(new[] { "frobnicate" }, "'frobnicate'")]
    [InlineData(new[] { "hosts", "--verbose" }, "'--verbose'")]
    public async Task Usage_errors_exit_2_and_name_the_word(string[] args, string named)
    {
        var console = new CapturedConsole();

        int exit = await WardenCommandLine.RunAsync(args, console.Console);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(named, console.Error);
        Assert.Empty(console.Out);
    }

    [Fact]
    public async Task A_malformed_address_from_the_environment_is_a_usage_error()
    {
        var console = new CapturedConsole(new Dictionary<string, string> { ["WARDEN_AGGREGATOR"] = "not a url" });

        int exit = await WardenCommandLine.RunAsync(["hosts"], console.Console);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("'not a url'", console.Error);
    }

    [Theory]
    [InlineData(new[] { "--help" }, "Commands:")]
    [InlineData(new[] { "-h" }, "Commands:")]
    [InlineData(new[] { "hosts", "--help" }, "warden hosts [--aggregator URL] [--json]")]
    [InlineData(new[] { "tui", "--help" }, "q or Esc quits")]
    public async Task Help_prints_the_right_page(string[] args, string expected)
    {
        var console = new CapturedConsole();

        int exit = await WardenCommandLine.RunAsync(args, console.Console);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(expected, console.Out);
    }

    [Fact]
    public async Task Version_prints_the_release_number()
    {
        var console = new CapturedConsole();

        int exit = await WardenCommandLine.RunAsync(["--version"], console.Console);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Matches(@"^warden \d+\.\d+\.\d+", console.Out);
    }
}

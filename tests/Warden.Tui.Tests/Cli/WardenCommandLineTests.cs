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
    [InlineData(new[] { "tui", "--help" }, "q quit from the top")]
    [InlineData(new[] { "incidents", "--help" }, "warden incidents [--state")]
    [InlineData(new[] { "show", "--help" }, "warden show INCIDENT [--json]")]
    [InlineData(new[] { "ack", "--help" }, "warden ack INCIDENT [--comment TEXT]")]
    [InlineData(new[] { "resolve", "--help" }, "warden resolve INCIDENT --comment TEXT")]
    [InlineData(new[] { "silence", "--help" }, "warden silence HOST [--check CHECK] --for DURATION")]
    [InlineData(new[] { "report", "--help" }, "warden report [--since DURATION] [--json | --markdown]")]
    public async Task Help_prints_the_right_page(string[] args, string expected)
    {
        var console = new CapturedConsole();

        int exit = await WardenCommandLine.RunAsync(args, console.Console);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(expected, console.Out);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tui")]
    [InlineData("hosts")]
    [InlineData("incidents")]
    [InlineData("show")]
    [InlineData("ack")]
    [InlineData("resolve")]
    [InlineData("silence")]
    [InlineData("report")]
    public async Task Every_help_page_documents_readonly_and_every_exit_code(string command)
    {
        var console = new CapturedConsole();

        await WardenCommandLine.RunAsync(command.Length == 0 ? ["--help"] : [command, "--help"], console.Console);

        Assert.Contains("--readonly", console.Out);
        for (int code = 0; code <= 6; code++)
        {
            Assert.Contains($"{code} ", console.Out[console.Out.IndexOf("Exit codes:", StringComparison.Ordinal)..]);
        }

        Assert.All(console.Out.Split('\n'), line => Assert.True(line.Length <= 90, line));
    }

    [Theory]
    [InlineData("ack INC-7 --readonly")]
    [InlineData("resolve INC-7 --comment fixed --readonly")]
    [InlineData("silence web-01 --for 1h --comment swap --readonly")]
    public async Task State_changing_commands_are_refused_under_readonly(string line)
    {
        var console = new CapturedConsole();

        int exit = await WardenCommandLine.RunAsync(line.Split(' '), console.Console);

        Assert.Equal(ExitCodes.ReadOnly, exit);
        Assert.Contains("refused: --readonly", console.Error);
    }

    [Fact]
    public async Task A_usage_error_points_at_the_commands_own_help()
    {
        var console = new CapturedConsole();

        int exit = await WardenCommandLine.RunAsync(["resolve", "INC-7"], console.Console);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Run 'warden resolve --help' for usage.", console.Error);
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

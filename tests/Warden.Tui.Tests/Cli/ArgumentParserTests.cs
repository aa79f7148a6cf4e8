using Warden.Tui.Cli;

namespace Warden.Tui.Tests.Cli;

public sealed class ArgumentParserTests
{
    [Fact]
    public void No_arguments_means_the_tui_with_no_command_named()
    {
        ParsedArguments arguments = Assert.IsType<ParsedArguments>(ArgumentParser.Parse([]).Arguments);

        Assert.Null(arguments.Command);
        Assert.False(arguments.Help);
        Assert.False(arguments.ReadOnly);
    }

    [Theory]
    [InlineData(new[] { "hosts" }, "Hosts")]
    [InlineData(new[] { "tui" }, "Tui")]
    [InlineData(new[] { "incidents" }, "Incidents")]
    [InlineData(new[] { "show", "INC-1" }, "Show")]
    [InlineData(new[] { "ack", "INC-1" }, "Ack")]
    [InlineData(new[] { "resolve", "INC-1", "--comment", "fixed" }, "Resolve")]
    [InlineData(new[] { "silence", "web-01", "--for", "1h", "--comment", "swap" }, "Silence")]
    [InlineData(new[] { "report" }, "Report")]
    public void Names_commands(string[] args, string expected) =>
        Assert.Equal(expected, ArgumentParser.Parse(args).Arguments?.Command.ToString());

    [Fact]
    public void Reads_options_before_or_after_the_command()
    {
        ParsedArguments? arguments = ArgumentParser.Parse(["--aggregator", "http://a:1", "hosts", "--json"]).Arguments;

        Assert.Equal(new ParsedArguments(CommandKind.Hosts, "http://a:1", Json: true), arguments);
    }

    [Fact]
    public void Accepts_the_equals_form_of_options_with_values()
    {
        Assert.Equal("http://b:2", ArgumentParser.Parse(["hosts", "--aggregator=http://b:2"]).Arguments?.Aggregator);
        Assert.Equal("a=b", ArgumentParser.Parse(["ack", "7", "--comment=a=b"]).Arguments?.Comment);
    }

    [Theory]
    [InlineData("tui")]
    [InlineData("hosts")]
    [InlineData("incidents")]
    [InlineData("report")]
    public void Every_command_accepts_readonly(string command) =>
        Assert.True(ArgumentParser.Parse([command, "--readonly"]).Arguments?.ReadOnly);

    [Fact]
    public void Reads_every_part_of_a_silence()
    {
        ParsedArguments arguments = Assert.IsType<ParsedArguments>(
            ArgumentParser.Parse(["silence", "web-01", "--check", "disk_space:/var", "--for", "90m", "--comment", "migration"]).Arguments);

        Assert.Equal("web-01", arguments.Target);
        Assert.Equal("disk_space:/var", arguments.Check);
        Assert.Equal(TimeSpan.FromMinutes(90), arguments.Duration);
        Assert.Equal("migration", arguments.Comment);
    }

    [Fact]
    public void Reads_incident_filters()
    {
        ParsedArguments? arguments = ArgumentParser.Parse(["incidents", "--state", "all", "--severity", "P1", "--json"]).Arguments;

        Assert.Equal(("all", "P1", true), (arguments?.State, arguments?.Severity, arguments?.Json ?? false));
    }

    [Theory]
    [InlineData("ack --help")]
    [InlineData("silence -h")]
    public void Help_needs_no_other_argument(string line) =>
        Assert.True(ArgumentParser.Parse(line.Split(' ')).Arguments?.Help);

    [Theory]
    [InlineData(new[] { "hostz" }, "unknown command 'hostz'")]
    [InlineData(new[] { "hosts", "--jsn" }, "unknown option '--jsn'")]
    [InlineData(new[] { "-x" }, "unknown option '-x'")]
    [InlineData(new[] { "hosts", "extra" }, "unexpected argument 'extra'")]
    [InlineData(new[] { "ack", "1", "2" }, "unexpected argument '2'")]
    [InlineData(new[] { "hosts", "--aggregator" }, "option '--aggregator' needs a URL")]
    [InlineData(new[] { "tui", "--json" }, "option '--json' is not valid for 'warden tui'")]
    [InlineData(new[] { "hosts", "--comment", "x" }, "option '--comment' is not valid for 'warden hosts'")]
    [InlineData(new[] { "show" }, "'warden show' needs INCIDENT: warden show INCIDENT")]
    [InlineData(new[] { "ack" }, "'warden ack' needs INCIDENT")]
    [InlineData(new[] { "resolve", "7" }, "'warden resolve' needs --comment TEXT")]
    [InlineData(new[] { "resolve", "7", "--comment", "  " }, "option '--comment' needs TEXT")]
    [InlineData(new[] { "resolve", "7", "--comment" }, "option '--comment' needs TEXT")]
    [InlineData(new[] { "silence", "web-01" }, "'warden silence' needs --for a DURATION")]
    [InlineData(new[] { "silence", "--for", "1h" }, "'warden silence' needs HOST")]
    [InlineData(new[] { "silence", "web-01", "--for", "1h" }, "'warden silence' needs --comment TEXT")]
    [InlineData(new[] { "incidents", "--host" }, "option '--host' needs a host name")]
    [InlineData(new[] { "hosts", "--as", "bob" }, "option '--as' is not valid for 'warden hosts'")]
    [InlineData(new[] { "silence", "web-01", "--for", "2x", "--comment", "x" }, "option '--for': '2x' is not a duration")]
    [InlineData(new[] { "silence", "web-01", "--for", "0m", "--comment", "x" }, "option '--for': '0m' is not a duration")]
    [InlineData(new[] { "silence", "web-01", "--for", "31d", "--comment", "x" }, "option '--for': '31d' is not a duration like 90s, 30m, 2h or 7d (at most 30d)")]
    [InlineData(new[] { "silence", "web-01", "--for", "99999999999999d", "--comment", "x" }, "option '--for': '99999999999999d'")]
    [InlineData(new[] { "incidents", "--state", "closed" }, "option '--state': 'closed' is not one of open, acknowledged, resolved, all")]
    [InlineData(new[] { "incidents", "--severity", "P9" }, "option '--severity': 'P9' is not one of P0, P1, P2, P3, P4")]
    [InlineData(new[] { "--readonly=yes" }, "unknown option '--readonly=yes'")]
    public void Usage_errors_name_the_offending_word(string[] args, string expected)
    {
        ParseResult result = ArgumentParser.Parse(args);

        Assert.Null(result.Arguments);
        Assert.StartsWith(expected, result.Error);
    }
}

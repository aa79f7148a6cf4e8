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
    }

    [Theory]
    [InlineData("hosts", "Hosts")]
    [InlineData("tui", "Tui")]
    public void Names_commands(string word, string expected) =>
        Assert.Equal(expected, ArgumentParser.Parse([word]).Arguments?.Command.ToString());

    [Fact]
    public void Reads_options_before_or_after_the_command()
    {
        ParsedArguments? arguments = ArgumentParser.Parse(["--aggregator", "http://a:1", "hosts", "--json"]).Arguments;

        Assert.Equal(new ParsedArguments(CommandKind.Hosts, "http://a:1", Json: true), arguments);
    }

    [Fact]
    public void Accepts_the_equals_form_of_aggregator() =>
        Assert.Equal("http://b:2", ArgumentParser.Parse(["hosts", "--aggregator=http://b:2"]).Arguments?.Aggregator);

    [Theory]
    [InlineData(new[] { "hostz" }, "unknown command 'hostz'")]
    [InlineData(new[] { "hosts", "--jsn" }, "unknown option '--jsn'")]
    [InlineData(new[] { "-x" }, "unknown option '-x'")]
    [InlineData(new[] { "hosts", "extra" }, "unexpected argument 'extra'")]
    [InlineData(new[] { "hosts", "--aggregator" }, "option '--aggregator' needs a URL")]
    [InlineData(new[] { "tui", "--json" }, "option '--json' is only valid for 'warden hosts'")]
    public void Usage_errors_name_the_offending_word(string[] args, string expected)
    {
        ParseResult result = ArgumentParser.Parse(args);

        Assert.Null(result.Arguments);
        Assert.StartsWith(expected, result.Error);
    }
}

namespace Warden.Tui.Cli;

/// <summary>
/// Hand-rolled parser: the grammar is `warden [command] [options]`, small enough that a library
/// would cost more binary size than it saves.
/// </summary>
internal static class ArgumentParser
{
    private const string AggregatorOption = "--aggregator";

    public static ParseResult Parse(IReadOnlyList<string> args)
    {
        CommandKind? command = null;
        string? aggregator = null;
        bool json = false, help = false, version = false;

        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    help = true;
                    break;
                case "--version":
                    version = true;
                    break;
                case "--json":
                    json = true;
                    break;
                case AggregatorOption:
                    if (i + 1 >= args.Count || args[i + 1].StartsWith('-'))
                    {
                        return ParseResult.Fail($"option '{AggregatorOption}' needs a URL, e.g. {AggregatorOption} http://127.0.0.1:7400");
                    }

                    aggregator = args[++i];
                    break;
                default:
                    if (arg.StartsWith(AggregatorOption + "=", StringComparison.Ordinal))
                    {
                        aggregator = arg[(AggregatorOption.Length + 1)..];
                        break;
                    }

                    if (arg.StartsWith('-'))
                    {
                        return ParseResult.Fail($"unknown option '{arg}'");
                    }

                    if (command is not null)
                    {
                        return ParseResult.Fail($"unexpected argument '{arg}'");
                    }

                    command = ParseCommand(arg);
                    if (command is null)
                    {
                        return ParseResult.Fail($"unknown command '{arg}'");
                    }

                    break;
            }
        }

        if (json && command != CommandKind.Hosts && !help && !version)
        {
            return ParseResult.Fail("option '--json' is only valid for 'warden hosts'");
        }

        return ParseResult.Ok(new ParsedArguments(command, aggregator, json, help, version));
    }

    private static CommandKind? ParseCommand(string name) => name switch
    {
        "hosts" => CommandKind.Hosts,
        "tui" => CommandKind.Tui,
        _ => null,
    };
}

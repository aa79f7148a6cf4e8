namespace Warden.Tui.Cli;

/// <summary>
/// Hand-rolled parser: the grammar is `warden [command] [argument] [options]`, small enough that a
/// library would cost more binary size than it saves. Options may come before or after the command;
/// each command accepts only the options its <see cref="CommandSpec"/> lists.
/// </summary>
internal static class ArgumentParser
{
    public static ParseResult Parse(IReadOnlyList<string> args)
    {
        CommandSpec? spec = null;
        string? target = null;
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);

        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? error = arg.StartsWith('-')
                ? ReadOption(args, ref i, flags, values)
                : ReadWord(arg, ref spec, ref target);
            if (error is not null)
            {
                return ParseResult.Fail(error);
            }
        }

        bool help = flags.Contains("--help"), version = flags.Contains("--version");
        var arguments = new ParsedArguments(spec?.Kind, values.GetValueOrDefault(Option.Aggregator), flags.Contains(Option.Json), help, version, flags.Contains(Option.ReadOnly))
        {
            Target = target,
            Comment = values.GetValueOrDefault(Option.Comment),
            Check = values.GetValueOrDefault(Option.Check),
            State = values.GetValueOrDefault(Option.State),
            Severity = values.GetValueOrDefault(Option.Severity),
            Since = values.GetValueOrDefault(Option.Since),
            Markdown = flags.Contains(Option.Markdown),
            Host = values.GetValueOrDefault(Option.Host),
            As = values.GetValueOrDefault(Option.As),
        };

        // `warden ack --help` must work without an incident id.
        if (help || version)
        {
            return ParseResult.Ok(arguments);
        }

        if (CommandRules.Check(spec ?? CommandSpec.For(CommandKind.Tui), arguments, [.. flags, .. values.Keys]) is string invalid)
        {
            return ParseResult.Fail(invalid);
        }

        if (!values.TryGetValue(Option.For, out string? duration))
        {
            return ParseResult.Ok(arguments);
        }

        return DurationText.TryParse(duration, out TimeSpan parsed)
            ? ParseResult.Ok(arguments with { Duration = parsed })
            : ParseResult.Fail($"option '{Option.For}': '{duration}' is not a duration like 90s, 30m, 2h or 7d (at most {DurationText.Longest.TotalDays:0}d)");
    }

    private static string? ReadWord(string arg, ref CommandSpec? spec, ref string? target)
    {
        if (spec is null)
        {
            spec = CommandSpec.Find(arg);
            return spec is null ? $"unknown command '{arg}'" : null;
        }

        if (spec.Positional is null || target is not null)
        {
            return $"unexpected argument '{arg}'";
        }

        target = arg;
        return null;
    }

    private static string? ReadOption(IReadOnlyList<string> args, ref int i, HashSet<string> flags, Dictionary<string, string> values)
    {
        string arg = args[i];
        int equals = arg.IndexOf('=', StringComparison.Ordinal);
        string name = equals > 0 ? arg[..equals] : arg;
        if (name == "-h")
        {
            name = "--help";
        }

        if (Option.WithValue.Contains(name))
        {
            string? value = equals > 0 ? arg[(equals + 1)..] : i + 1 < args.Count && !args[i + 1].StartsWith('-') ? args[++i] : null;
            if (string.IsNullOrWhiteSpace(value))
            {
                return $"option '{name}' needs {Option.ValueName(name)}";
            }

            values[name] = value;
            return null;
        }

        if (equals < 0 && name is "--help" or "--version" or Option.Json or Option.ReadOnly or Option.Markdown)
        {
            flags.Add(name);
            return null;
        }

        return $"unknown option '{arg}'";
    }
}

namespace Warden.Tui.Cli;

/// <summary>The per-command checks after tokenising: allowed and required options, the positional argument, values.</summary>
internal static class CommandRules
{
    private static readonly string[] Global = [Option.Aggregator, Option.ReadOnly];
    private static readonly string[] States = ["open", "acknowledged", "resolved", "all"];
    private static readonly string[] Severities = ["P0", "P1", "P2", "P3", "P4"];

    /// <summary>Null when the arguments suit the command; otherwise the usage error.</summary>
    public static string? Check(CommandSpec spec, ParsedArguments arguments, IReadOnlyCollection<string> given)
    {
        string command = $"'warden {spec.Word}'";
        foreach (string option in given)
        {
            if (!Global.Contains(option) && !spec.Options.Contains(option))
            {
                return $"option '{option}' is not valid for {command}";
            }
        }

        if (spec.Positional is string positional && arguments.Target is null)
        {
            return $"{command} needs {positional}: warden {spec.Word} {positional}";
        }

        foreach (string required in spec.Required)
        {
            if (!given.Contains(required))
            {
                return $"{command} needs {required} {Option.ValueName(required)}";
            }
        }

        return CheckValues(arguments);
    }

    private static string? CheckValues(ParsedArguments arguments)
    {
        if (arguments.State is string state && !States.Contains(state))
        {
            return $"option '{Option.State}': '{state}' is not one of {string.Join(", ", States)}";
        }

        if (arguments.Severity is string severity && !Severities.Contains(severity))
        {
            return $"option '{Option.Severity}': '{severity}' is not one of {string.Join(", ", Severities)}";
        }

        return ReportPeriod.Check(arguments);
    }
}

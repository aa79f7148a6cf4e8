namespace Warden.Tui.Cli;

/// <summary>`warden report --since`: the period ending now, 30 days unless given, at most 366 days; --json and --markdown exclude each other.</summary>
internal static class ReportPeriod
{
    public static readonly TimeSpan Default = TimeSpan.FromDays(30);

    public static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    /// <summary>Null when the report options are valid; otherwise the usage error naming the bad value.</summary>
    public static string? Check(ParsedArguments arguments)
    {
        if (arguments.Json && arguments.Markdown)
        {
            return $"options '{Option.Json}' and '{Option.Markdown}' exclude each other: pick one output format";
        }

        return arguments.Since is string since && !DurationText.TryParse(since, Longest, out _)
            ? $"option '{Option.Since}': '{since}' is not a duration like 12h, 7d or 30d (at most {Longest.TotalDays:0}d)"
            : null;
    }

    /// <summary>The period the arguments ask for; call after <see cref="Check"/> passed.</summary>
    public static TimeSpan Of(ParsedArguments arguments) =>
        arguments.Since is string since && DurationText.TryParse(since, Longest, out TimeSpan period) ? period : Default;
}

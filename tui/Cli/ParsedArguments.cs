namespace Warden.Tui.Cli;

/// <summary>What the command line asked for, validated, before any address is resolved or any call made.</summary>
internal sealed record ParsedArguments(
    // Null when the user named no command: help then shows the overview, and the TUI runs.
    CommandKind? Command,
    string? Aggregator = null,
    bool Json = false,
    bool Help = false,
    bool Version = false,
    bool ReadOnly = false)
{
    /// <summary>The positional argument: an incident id, or the host to silence.</summary>
    public string? Target { get; init; }

    public string? Comment { get; init; }

    public string? Check { get; init; }

    public TimeSpan? Duration { get; init; }

    /// <summary>incidents --state: open (default), acknowledged, resolved or all.</summary>
    public string? State { get; init; }

    /// <summary>incidents --severity Pn: Pn and everything more severe.</summary>
    public string? Severity { get; init; }

    /// <summary>report --since DURATION, as typed (validated by <see cref="ReportPeriod"/>).</summary>
    public string? Since { get; init; }

    /// <summary>report --markdown.</summary>
    public bool Markdown { get; init; }

    /// <summary>incidents --host: only incidents with this host among their children.</summary>
    public string? Host { get; init; }

    /// <summary>--as: the operator named in the audit log (default $USER).</summary>
    public string? As { get; init; }
}

/// <summary>Either the parsed arguments or a usage error that names the offending token.</summary>
internal sealed record ParseResult(ParsedArguments? Arguments, string? Error)
{
    public static ParseResult Ok(ParsedArguments arguments) => new(arguments, null);

    public static ParseResult Fail(string error) => new(null, error);
}

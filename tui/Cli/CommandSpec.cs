namespace Warden.Tui.Cli;

/// <summary>
/// What one command accepts: its word, an optional positional argument (named for the usage
/// message), the options allowed beyond the global ones, the ones it requires, whether it changes
/// state (refused under --readonly). A command whose RPC an older aggregator lacks exits 6
/// (OperatorCall maps UNIMPLEMENTED) rather than pretend.
/// </summary>
internal sealed record CommandSpec(CommandKind Kind, string Word, string? Positional, IReadOnlyList<string> Options)
{
    public IReadOnlyList<string> Required { get; init; } = [];

    public bool ChangesState { get; init; }

    public static readonly IReadOnlyList<CommandSpec> All =
    [
        new(CommandKind.Tui, "tui", null, [Option.As]),
        new(CommandKind.Hosts, "hosts", null, [Option.Json]),
        new(CommandKind.Incidents, "incidents", null, [Option.Json, Option.State, Option.Severity, Option.Host]),
        new(CommandKind.Show, "show", "INCIDENT", [Option.Json]),
        new(CommandKind.Ack, "ack", "INCIDENT", [Option.Comment, Option.As, Option.Json]) { ChangesState = true },
        new(CommandKind.Resolve, "resolve", "INCIDENT", [Option.Comment, Option.As, Option.Json]) { Required = [Option.Comment], ChangesState = true },
        new(CommandKind.Silence, "silence", "HOST", [Option.Check, Option.For, Option.Comment, Option.As, Option.Json]) { Required = [Option.For, Option.Comment], ChangesState = true },
        new(CommandKind.Report, "report", null, [Option.Json, Option.Markdown, Option.Since]),
    ];

    public static CommandSpec For(CommandKind kind) => All.Single(s => s.Kind == kind);

    public static CommandSpec? Find(string word) => All.FirstOrDefault(s => s.Word == word);
}

/// <summary>Option names, and which of them take a value.</summary>
internal static class Option
{
    public const string Aggregator = "--aggregator";
    public const string Json = "--json";
    public const string ReadOnly = "--readonly";
    public const string Comment = "--comment";
    public const string Check = "--check";
    public const string For = "--for";
    public const string State = "--state";
    public const string Severity = "--severity";
    public const string Since = "--since";
    public const string Markdown = "--markdown";

    public const string Host = "--host";
    public const string As = "--as";

    public static readonly IReadOnlySet<string> WithValue = new HashSet<string>(StringComparer.Ordinal)
    {
        Aggregator, Comment, Check, For, State, Severity, Since, Host, As,
    };

    /// <summary>What the value looks like, for "option '--for' needs a DURATION".</summary>
    public static string ValueName(string option) => option switch
    {
        Aggregator => "a URL, e.g. --aggregator http://127.0.0.1:7400",
        Comment => "TEXT",
        Check => "a check name, e.g. disk_space:/var",
        For => "a DURATION, e.g. 30m, 2h, 1d",
        State => "open, acknowledged, resolved or all",
        Since => "a DURATION, e.g. 7d, 30d, 90d",
        Host => "a host name, e.g. web-01",
        As => "an operator NAME for the audit log (default: $USER)",
        _ => "P0, P1, P2, P3 or P4",
    };
}

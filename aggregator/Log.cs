namespace Warden.Aggregator;

/// <summary>Every log line the aggregator writes, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "warden-aggregator {Version} listening on {Address}, database {Database}")]
    public static partial void Listening(ILogger logger, string version, string address, string database);

    [LoggerMessage(10, LogLevel.Information, "agent {Host} ({AgentVersion}) connected from {Peer}; it last saw sequence {LastAcked} acknowledged")]
    public static partial void AgentConnected(ILogger logger, string host, string agentVersion, string peer, ulong lastAcked);

    [LoggerMessage(11, LogLevel.Information, "agent {Host} disconnected")]
    public static partial void AgentDisconnected(ILogger logger, string host);

    [LoggerMessage(12, LogLevel.Information, "agent {Host} answered command {CommandId}: ok={Ok} {Detail}")]
    public static partial void CommandResult(ILogger logger, string host, string commandId, bool ok, string detail);

    [LoggerMessage(40, LogLevel.Warning, "incident {Id} opened: {Severity} {Title} (reopens {Reopens})")]
    public static partial void IncidentOpened(ILogger logger, long id, string severity, string title, int reopens);

    [LoggerMessage(41, LogLevel.Information, "incident {Id} resolved by {Actor}: {Title}")]
    public static partial void IncidentResolved(ILogger logger, long id, string actor, string title);

    [LoggerMessage(42, LogLevel.Warning, "incident {Id} ({Severity}) escalated to level {Level}, not acknowledged: {Title}")]
    public static partial void IncidentEscalated(ILogger logger, long id, string severity, int level, string title);

    [LoggerMessage(43, LogLevel.Error, "the incident engine could not apply a change; it goes on with the next")]
    public static partial void IncidentWorkFailed(ILogger logger, Exception exception);

    [LoggerMessage(44, LogLevel.Information, "notice {Kind} incident {Id} {Severity} {Title} hosts={Hosts} labels={Labels}")]
    public static partial void Notice(ILogger logger, string kind, string id, string severity, string title, string hosts, string labels);
}

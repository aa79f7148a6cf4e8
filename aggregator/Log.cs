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
}

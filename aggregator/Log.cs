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

    [LoggerMessage(20, LogLevel.Error, "could not store a batch of {Count} records; they are not acknowledged and their agents will resend them")]
    public static partial void CommitFailed(ILogger logger, int count, Exception error);

    [LoggerMessage(21, LogLevel.Error, "fleet observer {Observer} failed on a record of {Host}")]
    public static partial void ObserverFailed(ILogger logger, string observer, string host, Exception error);

    [LoggerMessage(22, LogLevel.Information, "host {Host} is now {Liveness}")]
    public static partial void LivenessChanged(ILogger logger, string host, Fleet.HostLiveness liveness);

    [LoggerMessage(23, LogLevel.Information, "retention deleted {Samples} sample batches and {Events} event batches past their age")]
    public static partial void RetentionSwept(ILogger logger, int samples, int events);

    [LoggerMessage(24, LogLevel.Information, "metrics on {Address}/metrics")]
    public static partial void MetricsListening(ILogger logger, string address);

    [LoggerMessage(25, LogLevel.Information, "backup of the database written to {Path} ({Bytes} bytes) for {Peer}")]
    public static partial void BackupWritten(ILogger logger, string path, long bytes, string peer);
}

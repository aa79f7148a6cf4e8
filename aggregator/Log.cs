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

    [LoggerMessage(40, LogLevel.Warning, "incident {Id} opened: {Severity} {Title} (reopens {Reopens})")]
    public static partial void IncidentOpened(ILogger logger, long id, string severity, string title, int reopens);

    [LoggerMessage(41, LogLevel.Information, "incident {Id} resolved by {Actor}: {Title}")]
    public static partial void IncidentResolved(ILogger logger, long id, string actor, string title);

    [LoggerMessage(42, LogLevel.Warning, "incident {Id} ({Severity}) escalated to level {Level}, not acknowledged: {Title}")]
    public static partial void IncidentEscalated(ILogger logger, long id, string severity, int level, string title);

    [LoggerMessage(43, LogLevel.Error, "the incident engine could not apply a change; it goes on with the next")]
    public static partial void IncidentWorkFailed(ILogger logger, Exception exception);

    [LoggerMessage(60, LogLevel.Information, "incident {IncidentId} {Kind} {Severity}: {Title} (hosts {Hosts})")]
    public static partial void NoticeReceived(ILogger logger, string incidentId, string kind, string severity, string title, string hosts);

    [LoggerMessage(61, LogLevel.Information, "notification to {Receiver} ({ReceiverKind}) sent: group {Group}, {Firing} firing, {Resolved} resolved, repeat={Repeat}")]
    public static partial void NotificationSent(ILogger logger, string receiver, string receiverKind, string group, int firing, int resolved, bool repeat);

    [LoggerMessage(62, LogLevel.Warning, "notification to {Receiver} ({ReceiverKind}), group {Group}: attempt {Attempt} failed, retrying in {Delay}: {Reason}")]
    public static partial void NotificationAttemptFailed(ILogger logger, string receiver, string receiverKind, string group, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(63, LogLevel.Error, "notification to {Receiver} ({ReceiverKind}) failed after {Attempts} attempts, group {Group}: {Reason}; its {Notices} notices go back to the group for the next interval")]
    public static partial void NotificationFailed(ILogger logger, string receiver, string receiverKind, string group, int attempts, string reason, int notices);

    [LoggerMessage(64, LogLevel.Warning, "{Count} notices dropped since the last report ({Reason}); {Total} dropped since start")]
    public static partial void NoticesDropped(ILogger logger, long count, string reason, long total);

    [LoggerMessage(65, LogLevel.Warning, "notification to {Receiver}, group {Group}, went back to its group: the receiver's queue is full ({Capacity} messages)")]
    public static partial void ReceiverQueueFull(ILogger logger, string receiver, string group, int capacity);

    [LoggerMessage(66, LogLevel.Information, "notifications: receivers {Receivers}; {Routes} routes; default receivers {Defaults}; group by {GroupBy}, wait {Wait}, interval {Interval}, repeat {Repeat}")]
    public static partial void NotificationsConfigured(ILogger logger, string receivers, int routes, string defaults, string groupBy, TimeSpan wait, TimeSpan interval, TimeSpan repeat);

    [LoggerMessage(67, LogLevel.Warning, "notifications stopping: {Messages} messages waiting for receivers are not delivered; {Groups} groups held in memory are forgotten")]
    public static partial void NotificationsUndelivered(ILogger logger, int messages, int groups);

    [LoggerMessage(68, LogLevel.Information, "notice for incident {IncidentId} matched no route and no default receiver is set: logged only")]
    public static partial void NoticeUnrouted(ILogger logger, string incidentId);
}

namespace Warden.Aggregator.Notifications;

/// <summary>Writes each notice as one log line (event 44): the receiver that is always there.</summary>
public sealed class LogNotificationDispatcher(ILogger<LogNotificationDispatcher> logger) : INotificationDispatcher
{
    public void Enqueue(IncidentNotice notice) =>
        Log.Notice(logger, notice.Kind.ToString(), notice.IncidentId, notice.Severity, notice.Title, string.Join(',', notice.Hosts),
            string.Join(',', notice.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")));
}

namespace Warden.Aggregator.Notifications;

/// <summary>
/// What the incident engine hands to notifications: one incident at one moment of its life. The
/// engine has already applied silences and flapping suppression (a silenced incident's Firing is
/// not handed over; its Resolved still is); grouping and delivery are the dispatcher's.
/// </summary>
public sealed record IncidentNotice(
    string IncidentId,
    string Fingerprint,
    NoticeKind Kind,
    string Severity,
    string Title,
    string Summary,
    IReadOnlyList<string> Hosts,
    IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset OpenedAt,
    DateTimeOffset At,
    DateTimeOffset? ResolvedAt);

public enum NoticeKind
{
    Firing,
    Escalated,
    Reopened,
    Resolved,
}

/// <summary>Accepts notices for delivery; never blocks the caller on a receiver.</summary>
public interface INotificationDispatcher
{
    void Enqueue(IncidentNotice notice);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Warden.Aggregator.Notifications;

/// <summary>
/// The JSON a webhook receives and an exec receiver reads on stdin. Stable: fields are only ever
/// added; a change that breaks readers raises <see cref="CurrentVersion"/>. README "Notifications"
/// documents each field.
/// </summary>
internal sealed record NotificationDocument(
    int Version,
    string Receiver,
    string GroupKey,
    IReadOnlyDictionary<string, string> GroupLabels,
    string Status,
    bool Repeat,
    DateTimeOffset SentAt,
    NoticeCounts Counts,
    IReadOnlyList<NoticeDocument> Notices)
{
    public const int CurrentVersion = 1;

    public static NotificationDocument From(NotificationMessage m) => new(
        CurrentVersion,
        m.Receiver,
        m.GroupKey,
        m.GroupLabels,
        m.Status,
        m.Repeat,
        m.CreatedAt,
        new NoticeCounts(m.FiringCount, m.ResolvedCount, m.Dropped),
        [.. m.Notices.Select(NoticeDocument.From)]);

    public static byte[] Serialize(NotificationMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(From(message), NotificationJsonContext.Default.NotificationDocument);
}

internal sealed record NoticeCounts(int Firing, int Resolved, int Dropped);

internal sealed record NoticeDocument(
    string IncidentId,
    string Fingerprint,
    string Kind,
    string Severity,
    string Title,
    string Summary,
    IReadOnlyList<string> Hosts,
    IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset OpenedAt,
    DateTimeOffset At,
    DateTimeOffset? ResolvedAt)
{
    public static NoticeDocument From(IncidentNotice n) => new(
        n.IncidentId, n.Fingerprint, KindName(n.Kind), n.Severity, n.Title, n.Summary, n.Hosts, n.Labels, n.OpenedAt, n.At, n.ResolvedAt);

    public static string KindName(NoticeKind kind) => kind switch
    {
        NoticeKind.Firing => "firing",
        NoticeKind.Escalated => "escalated",
        NoticeKind.Reopened => "reopened",
        NoticeKind.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown notice kind"),
    };
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(NotificationDocument))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;

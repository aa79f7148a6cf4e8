namespace Warden.Aggregator.Notifications;

/// <summary>
/// What one group sends to its receiver at one moment: every incident it holds (firing and those
/// resolved since the last message), whether this is a repeat, and how many notices it had to drop.
/// </summary>
internal sealed record NotificationMessage(
    string GroupKey,
    int RouteIndex,
    string Receiver,
    IReadOnlyDictionary<string, string> GroupLabels,
    IReadOnlyList<IncidentNotice> Notices,
    bool Repeat,
    int Dropped,
    DateTimeOffset CreatedAt)
{
    public int FiringCount => Notices.Count(n => n.Kind != NoticeKind.Resolved);

    public int ResolvedCount => Notices.Count - FiringCount;

    public string Status => FiringCount > 0 ? "firing" : "resolved";

    /// <summary>The most severe notice's severity (P0 is the most severe).</summary>
    public string Severity => Notices.Min(n => n.Severity) ?? "";

    public string GroupText => GroupLabels.Count == 0 ? "(all)" : string.Join(", ", GroupLabels.Select(l => $"{l.Key}={l.Value}"));
}

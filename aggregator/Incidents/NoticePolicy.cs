using Warden.Aggregator.Notifications;

namespace Warden.Aggregator.Incidents;

/// <summary>
/// Decides which notice, if any, an incident owes its receivers now: a first Firing after the
/// notify hold, Reopened, Resolved, or nothing. Silences hold back Firing, Reopened and Escalated
/// (never Resolved); flapping holds back repeats. What was told is kept on the incident.
/// </summary>
public static class NoticePolicy
{
    public static IncidentNotice? Owed(Incident incident, IReadOnlyList<Silence> silences, DateTime now, IncidentBook book)
    {
        if (incident.IsActive)
        {
            if (now < incident.NotifyAt || incident.Notified == NotifiedState.Firing || Held(incident, silences, now, book)
                || (incident.Flapping && incident.Notified == NotifiedState.Resolved))
            {
                return null;
            }
            var kind = incident.Notified == NotifiedState.None ? NoticeKind.Firing : NoticeKind.Reopened;
            incident.Notified = NotifiedState.Firing;
            book.Touch(incident);
            return Notice(incident, kind, now);
        }
        if (incident.Notified != NotifiedState.Firing || (incident.Flapping && incident.MergedInto is null))
        {
            return null;
        }
        incident.Notified = NotifiedState.Resolved;
        book.Touch(incident);
        return Notice(incident, NoticeKind.Resolved, now);
    }

    /// <summary>The Escalated notice for the incident's current level, unless a silence holds it.</summary>
    public static IncidentNotice? Escalated(Incident incident, IReadOnlyList<Silence> silences, DateTime now, IncidentBook book) =>
        Held(incident, silences, now, book) ? null : Notice(incident, NoticeKind.Escalated, now);

    public static Dictionary<string, string> Labels(Incident incident)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["rule"] = incident.Rule,
            ["component"] = incident.Component,
            ["check"] = incident.Check,
            ["scope"] = incident.Scope.ToString().ToLowerInvariant(),
            ["severity"] = incident.Severity.ToString(),
        };
        if (incident.EscalationLevel > 0)
        {
            labels["escalation_level"] = incident.EscalationLevel.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (incident.ReopenCount > 0)
        {
            labels["reopen_count"] = incident.ReopenCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (incident.MergedInto is { } into)
        {
            labels["merged_into"] = into.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return labels;
    }

    public static Silence? MatchingSilence(Incident incident, IReadOnlyList<Silence> silences, DateTime now)
    {
        var labels = Labels(incident);
        return silences.FirstOrDefault(s => s.IsActive(now) && Matches(s, incident, labels));
    }

    private static bool Held(Incident incident, IReadOnlyList<Silence> silences, DateTime now, IncidentBook book)
    {
        var silence = MatchingSilence(incident, silences, now);
        var by = silence?.Describe();
        if (by != incident.SuppressedBy)
        {
            incident.SuppressedBy = by;
            incident.Note(now, by is null ? "unsuppressed" : "suppressed", IncidentBook.Engine,
                by is null ? "no silence holds its notifications any more" : $"notifications held back by {by}: {silence!.Comment}");
            book.Touch(incident);
        }
        return silence is not null;
    }

    private static bool Matches(Silence s, Incident incident, Dictionary<string, string> labels)
    {
        var hosts = incident.Hosts.ToList();
        return (string.IsNullOrEmpty(s.Host) || (hosts.Count > 0 && hosts.TrueForAll(ClassificationRule.Glob(s.Host).IsMatch)))
            && (string.IsNullOrEmpty(s.Component) || ClassificationRule.Glob(s.Component).IsMatch(incident.Component))
            && (string.IsNullOrEmpty(s.Check) || ClassificationRule.Glob(s.Check).IsMatch(incident.Check))
            && (string.IsNullOrEmpty(s.Label) || LabelMatches(s.Label, labels));
    }

    private static bool LabelMatches(string label, Dictionary<string, string> labels)
    {
        var eq = label.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && labels.TryGetValue(label[..eq], out var value) && value == label[(eq + 1)..];
    }

    private static IncidentNotice Notice(Incident incident, NoticeKind kind, DateTime now)
    {
        var hosts = incident.Hosts.Order(StringComparer.Ordinal).ToList();
        var failing = incident.Children.Count(c => c.Failing);
        var summary = kind == NoticeKind.Resolved
            ? $"{incident.Title}: resolved by {incident.ResolvedBy}"
            : $"{incident.Title}: {failing} of {incident.Children.Count} checks failing; {incident.Children.FirstOrDefault(c => c.Failing)?.Reason}".TrimEnd(' ', ';');
        return new IncidentNotice(
            incident.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            incident.Fingerprint,
            kind,
            incident.Severity.ToString(),
            incident.Title,
            summary,
            hosts,
            Labels(incident),
            Utc(incident.OpenedAt),
            Utc(now),
            incident.ResolvedAt is { } r ? Utc(r) : null);
    }

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}

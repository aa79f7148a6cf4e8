using System.Globalization;
using System.Text;
using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>The CLI's human text for incidents: the list table and one incident's page.</summary>
internal static class IncidentText
{
    private static readonly string[] Headers = ["ID", "SEV", "STATE", "AGE / SLA", "SCOPE", "HOSTS", "TITLE"];

    public static string Table(IEnumerable<IncidentSummary> incidents, DateTimeOffset now)
    {
        var rows = incidents.Select(i => (IReadOnlyList<string>)Row(i, now)).ToList();
        string table = TextTable.Render(Headers, rows, new HashSet<int> { 0 });
        return rows.Count == 0 ? table + "(no incidents match)\n" : table;
    }

    public static string[] Row(IncidentSummary i, DateTimeOffset now) =>
    [
        i.Id.ToString(CultureInfo.InvariantCulture),
        IncidentWords.Severity(i.Severity),
        IncidentWords.State(i.State) + (i.SilencedBy.Length > 0 ? " (silenced)" : string.Empty),
        IncidentWords.AgeAgainstSla(i, now),
        IncidentWords.Scope(i.Scope),
        Hosts(i),
        i.Title,
    ];

    /// <summary>"web-01", or "web-01 +4" when there are more.</summary>
    public static string Hosts(IncidentSummary i) => i.Hosts.Count switch
    {
        0 => "-",
        1 => i.Hosts[0],
        _ => $"{i.Hosts[0]} +{i.Hosts.Count - 1}",
    };

    public static string Detail(IncidentDetail detail, DateTimeOffset now)
    {
        IncidentSummary i = detail.Summary;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Incident {i.Id}: {i.Title}\n");
        text.Append(CultureInfo.InvariantCulture, $"  severity {IncidentWords.Severity(i.Severity)} (rule {Or(i.Rule)}), {IncidentWords.State(i.State)}, scope {IncidentWords.Scope(i.Scope)}\n");
        text.Append(CultureInfo.InvariantCulture, $"  age {IncidentWords.AgeAgainstSla(i, now)}, escalation level {i.EscalationLevel}, reopened {i.ReopenCount}x, {i.Occurrences} occurrence(s)\n");
        text.Append(CultureInfo.InvariantCulture, $"  hosts {string.Join(", ", i.Hosts)}\n");
        AppendWho(text, "acknowledged", i.AcknowledgedBy, i.AcknowledgedAt);
        AppendWho(text, "resolved", i.ResolvedBy, i.ResolvedAt);
        if (i.SilencedBy.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  silenced by {i.SilencedBy}\n");
        }

        text.Append("\nTimeline:\n");
        foreach (TimelineEntry entry in detail.Timeline)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Time(entry.At?.ToDateTimeOffset())}  {entry.Kind,-12}  {entry.Actor}: {entry.Text}\n");
        }

        text.Append("\nEvidence:\n");
        foreach (IncidentEvidence e in IncidentEvidence.From(detail))
        {
            // The text on its own line: it is long, and the console is 80 columns.
            text.Append(CultureInfo.InvariantCulture, $"  {Time(e.At)}  {e.Host}  {e.Kind}\n      {e.Text}\n");
        }

        return text.ToString();
    }

    public static string Time(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static void AppendWho(StringBuilder text, string what, string who, Google.Protobuf.WellKnownTypes.Timestamp? at)
    {
        if (who.Length > 0 || at is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {what} by {Or(who)} at {Time(at?.ToDateTimeOffset())}\n");
        }
    }

    private static string Or(string value) => value.Length == 0 ? "-" : value;
}

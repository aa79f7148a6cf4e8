using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>The words operators read (and scripts parse) for an incident's enums: P0..P4, open, host.</summary>
internal static class IncidentWords
{
    public static string Severity(Severity severity) => severity switch
    {
        Proto.V1.Severity.P0 => "P0",
        Proto.V1.Severity.P1 => "P1",
        Proto.V1.Severity.P2 => "P2",
        Proto.V1.Severity.P3 => "P3",
        Proto.V1.Severity.P4 => "P4",
        _ => "P?",
    };

    public static string State(IncidentState state) => state switch
    {
        IncidentState.Open => "open",
        IncidentState.Acknowledged => "acknowledged",
        IncidentState.Resolved => "resolved",
        _ => "unknown",
    };

    public static string Scope(IncidentScope scope) => scope switch
    {
        IncidentScope.Host => "host",
        IncidentScope.Fleet => "fleet",
        IncidentScope.Partition => "partition",
        _ => "unknown",
    };

    /// <summary>"P2" to the proto value; null for anything else.</summary>
    public static Severity? ParseSeverity(string word) =>
        Enum.GetValues<Severity>().Where(s => s != Proto.V1.Severity.Unspecified).Cast<Severity?>().FirstOrDefault(s => Severity(s!.Value) == word);

    /// <summary>
    /// Age against the SLA: "12m, 18m left" while the deadline is ahead, "40m, SLA +10m" once it
    /// passed; no SLA talk for acknowledged or resolved incidents, whose response is done.
    /// </summary>
    public static string AgeAgainstSla(IncidentSummary incident, DateTimeOffset now)
    {
        string age = incident.OpenedAt is null ? "-" : AgeFormat.Format(now - incident.OpenedAt.ToDateTimeOffset());
        if (incident.State != IncidentState.Open || incident.SlaDeadline is null)
        {
            return age;
        }

        TimeSpan left = incident.SlaDeadline.ToDateTimeOffset() - now;
        return left >= TimeSpan.Zero ? $"{age}, {AgeFormat.Format(left)} left" : $"{age}, SLA +{AgeFormat.Format(-left)}";
    }

    /// <summary>"INC-7", "#7" or "7" to the id.</summary>
    public static bool TryParseId(string text, out ulong id)
    {
        string digits = text.StartsWith("INC-", StringComparison.OrdinalIgnoreCase) ? text[4..] : text.TrimStart('#');
        return ulong.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id) && id > 0;
    }
}

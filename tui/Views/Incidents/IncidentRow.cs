using System.Globalization;
using Warden.Proto.V1;
using Warden.Tui.Formatting;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Incidents;

/// <summary>One incident as the list shows it, ages measured by the aggregator's clock.</summary>
internal sealed record IncidentRow(IncidentSummary Incident, string AgeSla, bool PastSla, TimeSpan Age)
{
    public string Key => Incident.Id.ToString(CultureInfo.InvariantCulture);

    public static IncidentRow From(IncidentSummary incident, DateTimeOffset now)
    {
        TimeSpan age = incident.OpenedAt is null ? TimeSpan.Zero : now - incident.OpenedAt.ToDateTimeOffset();
        bool past = incident.State == IncidentState.Open && incident.SlaDeadline is not null && incident.SlaDeadline.ToDateTimeOffset() < now;
        return new IncidentRow(incident, IncidentWords.AgeAgainstSla(incident, now), past, age);
    }

    /// <summary>P0 and P1 red, P2 and P3 yellow, P4 plain: the word says it too, for 16 colours and NO_COLOR.</summary>
    public ScoreBand SeverityBand => Incident.Severity switch
    {
        Severity.P0 or Severity.P1 => ScoreBand.Unhealthy,
        Severity.P2 or Severity.P3 => ScoreBand.Degraded,
        _ => ScoreBand.NoData,
    };

    public string State => IncidentWords.State(Incident.State) + (Incident.SilencedBy.Length > 0 ? "~" : string.Empty);

    public static readonly IReadOnlyList<TableColumn<IncidentRow>> Columns =
    [
        new("TITLE", 16, r => r.Incident.Title, RowOrder.By<IncidentRow>(r => r.Incident.Title)) { SortKey = 'N' },
        new("ID", 5, r => r.Key, RowOrder.By<IncidentRow>(r => (double?)r.Incident.Id)) { RightAligned = true, SortKey = 'I' },
        new("SEV", 3, r => IncidentWords.Severity(r.Incident.Severity), RowOrder.By<IncidentRow>(r => (double?)r.Incident.Severity)) { Band = r => r.SeverityBand, SortKey = 'S' },
        new("STATE", 13, r => r.State, RowOrder.By<IncidentRow>(r => (double?)r.Incident.State)) { SortKey = 'T' },
        new("AGE / SLA", 14, r => r.AgeSla, RowOrder.By<IncidentRow>(r => (TimeSpan?)r.Age)) { Band = r => r.PastSla ? ScoreBand.Unhealthy : ScoreBand.NoData, SortKey = 'A' },
        new("HOSTS", 12, r => IncidentText.Hosts(r.Incident), RowOrder.By<IncidentRow>(r => IncidentText.Hosts(r.Incident))) { SortKey = 'H' },
        new("SCOPE", 9, r => IncidentWords.Scope(r.Incident.Scope), RowOrder.By<IncidentRow>(r => (double?)r.Incident.Scope)) { Optional = true, SortKey = 'C' },
    ];

    public const int SeverityColumn = 2;
}

using Warden.Aggregator.Incidents;

namespace Warden.Aggregator.Reports;

/// <summary>One stretch an incident was open: from detection (or a reopen) to its resolve; End null while still open.</summary>
public readonly record struct Episode(DateTime Start, DateTime? End);

/// <summary>
/// An incident's episodes, read from its stored timeline: it opens at OpenedAt, a "resolved" or
/// "merged" entry closes the current episode, a "reopened" entry starts the next. The time between
/// a resolve and a reopen is not downtime.
/// </summary>
public static class IncidentEpisodes
{
    public static IReadOnlyList<Episode> Of(Incident incident)
    {
        var episodes = new List<Episode>();
        DateTime? start = incident.OpenedAt;
        foreach (var entry in incident.Timeline.OrderBy(e => e.At))
        {
            if (start is { } s && entry.Kind is "resolved" or "merged")
            {
                episodes.Add(new Episode(s, entry.At));
                start = null;
            }
            else if (start is null && entry.Kind == "reopened")
            {
                start = entry.At;
            }
        }

        if (start is { } open)
        {
            // A resolved incident whose timeline lacks the entry still ends at ResolvedAt.
            episodes.Add(new Episode(open, incident.State == IncidentState.Resolved ? incident.ResolvedAt ?? open : null));
        }

        return episodes;
    }
}

using LiteDB;

namespace Warden.Aggregator.Incidents;

public enum IncidentState
{
    Open,
    Acknowledged,
    Resolved,
}

/// <summary>What an incident is about: one host, the same failure on many hosts, or a suspected partition.</summary>
public enum IncidentScope
{
    Host,
    Fleet,
    Partition,
}

/// <summary>What the receivers were last told about an incident, so each change is told once.</summary>
public enum NotifiedState
{
    None,
    Firing,
    Resolved,
}

/// <summary>
/// One incident as stored: its classification, the checks behind it (children), its evidence,
/// timeline and notification bookkeeping. Times are UTC.
/// </summary>
public sealed class Incident
{
    public long Id { get; set; }

    public string Fingerprint { get; set; } = "";

    public string Title { get; set; } = "";

    public Severity Severity { get; set; }

    public IncidentState State { get; set; }

    public IncidentScope Scope { get; set; }

    /// <summary>Name of the classification rule that opened it.</summary>
    public string Rule { get; set; } = "";

    public string Component { get; set; } = "";

    public string Check { get; set; } = "";

    public List<IncidentChild> Children { get; set; } = [];

    public DateTime OpenedAt { get; set; }

    /// <summary>Start of the current episode: OpenedAt, or the last reopen; the SLA runs from here.</summary>
    public DateTime EpisodeStart { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    /// <summary>Set when a fleet or partition incident took this one over.</summary>
    public long? MergedInto { get; set; }

    public int EscalationLevel { get; set; }

    public int ReopenCount { get; set; }

    /// <summary>How many times a failure matching it was seen (the first included).</summary>
    public int Occurrences { get; set; }

    public bool Flapping { get; set; }

    /// <summary>A Firing notice waits until then, so a storm can be folded into one fleet incident first.</summary>
    public DateTime NotifyAt { get; set; }

    public NotifiedState Notified { get; set; }

    /// <summary>The silence that last held back a notice, so the timeline says it once.</summary>
    public string? SuppressedBy { get; set; }

    public IncidentEvidence Evidence { get; set; } = new();

    public List<TimelineEntry> Timeline { get; set; } = [];

    // Computed views, not stored.
    [BsonIgnore]
    public bool IsActive => State != IncidentState.Resolved;

    [BsonIgnore]
    public IEnumerable<string> Hosts => Children.Select(c => c.Host).Distinct(StringComparer.Ordinal);

    public IncidentChild? Child(string host, string check) =>
        Children.Find(c => c.Host == host && c.Check == check);

    /// <summary>Timeline entries kept; past it the oldest chatter goes (see <see cref="Note"/>).</summary>
    public const int MaxTimeline = 500;

    // The lifecycle: what the report's episodes and the audit story are read from. Never trimmed.
    private static readonly HashSet<string> Lifecycle = new(StringComparer.Ordinal)
    {
        "classified", "acknowledged", "resolved", "reopened", "merged", "escalated", "comment",
    };

    /// <summary>
    /// Adds a timeline entry. A long-lived incident over a flapping check would grow its document
    /// (rewritten on every change) without end, so past <see cref="MaxTimeline"/> entries the oldest
    /// chatter (detected, recovered, heal, child, flapping, suppressed; never the first entry) is
    /// dropped and counted in the evidence as timeline_trimmed.
    /// </summary>
    public void Note(DateTime at, string kind, string actor, string text)
    {
        Timeline.Add(new TimelineEntry { At = at, Kind = kind, Actor = actor, Text = text });
        if (Timeline.Count > MaxTimeline && Timeline.FindIndex(1, e => !Lifecycle.Contains(e.Kind)) is var chatter and > 0)
        {
            Timeline.RemoveAt(chatter);
            Evidence.Count("timeline_trimmed");
        }
    }
}

/// <summary>One check on one host behind an incident, and whether it is failing now.</summary>
public sealed class IncidentChild
{
    public string Host { get; set; } = "";

    public string Component { get; set; } = "";

    public string Check { get; set; } = "";

    public bool Failing { get; set; }

    public DateTime Since { get; set; }

    /// <summary>Last reason given for the failure.</summary>
    public string Reason { get; set; } = "";
}

/// <summary>One line of an incident's history.</summary>
public sealed class TimelineEntry
{
    public DateTime At { get; set; }

    /// <summary>detected, classified, heal, escalated, acknowledged, comment, resolved, reopened, merged, child, suppressed, flapping.</summary>
    public string Kind { get; set; } = "";

    public string Actor { get; set; } = "";

    public string Text { get; set; } = "";
}

using Google.Protobuf.WellKnownTypes;
using Warden.Aggregator.Incidents;
using Model = Warden.Aggregator.Incidents;
using Wire = Warden.Proto.V1;

namespace Warden.Aggregator.Api;

/// <summary>The incident engine's stored model as operator.proto messages.</summary>
public static class IncidentMessages
{
    public static Wire.IncidentSummary Summary(Incident i, DateTime now, IReadOnlyList<Silence> silences)
    {
        var summary = new Wire.IncidentSummary
        {
            Id = (ulong)i.Id,
            Fingerprint = i.Fingerprint,
            Title = i.Title,
            Severity = Severity(i.Severity),
            State = i.State switch
            {
                IncidentState.Open => Wire.IncidentState.Open,
                IncidentState.Acknowledged => Wire.IncidentState.Acknowledged,
                _ => Wire.IncidentState.Resolved,
            },
            Scope = i.Scope switch
            {
                IncidentScope.Host => Wire.IncidentScope.Host,
                IncidentScope.Fleet => Wire.IncidentScope.Fleet,
                _ => Wire.IncidentScope.Partition,
            },
            Rule = i.Rule,
            Component = i.Component,
            Check = i.Check,
            OpenedAt = At(i.OpenedAt),
            AcknowledgedAt = At(i.AcknowledgedAt),
            AcknowledgedBy = i.AcknowledgedBy ?? "",
            ResolvedAt = At(i.ResolvedAt),
            ResolvedBy = i.ResolvedBy ?? "",
            SlaDeadline = At(i.EpisodeStart + SeverityTable.ResponseSla(i.Severity)),
            EscalationLevel = (uint)i.EscalationLevel,
            ReopenCount = (uint)i.ReopenCount,
            Occurrences = (uint)i.Occurrences,
            Flapping = i.Flapping,
            SilencedBy = i.IsActive ? NoticePolicy.MatchingSilence(i, silences, now)?.Describe() ?? "" : "",
            MergedInto = (ulong)(i.MergedInto ?? 0),
            FailingChildren = (uint)i.Children.Count(c => c.Failing),
        };
        summary.Hosts.Add(i.Hosts.Order(StringComparer.Ordinal));
        return summary;
    }

    public static Wire.IncidentDetail Detail(Incident i, DateTime now, IReadOnlyList<Silence> silences)
    {
        var detail = new Wire.IncidentDetail { Summary = Summary(i, now, silences) };
        detail.Children.Add(i.Children.Select(c => new Wire.IncidentChild
        {
            Host = c.Host, Component = c.Component, Check = c.Check, Failing = c.Failing, Since = At(c.Since), Reason = c.Reason,
        }));
        detail.Transitions.Add(i.Evidence.Transitions.Select(t => new Wire.EvidenceTransition
        {
            Host = t.Host,
            At = At(t.At),
            Transition = new Wire.CheckTransition
            {
                Component = t.Component, Check = t.Check, FromState = State(t.From), ToState = State(t.To),
                StateType = t.StateType == "HARD" ? Wire.StateType.Hard : Wire.StateType.Soft,
                Attempt = (uint)t.Attempt, MaxAttempts = (uint)t.MaxAttempts, Value = t.Value, Threshold = t.Threshold, Reason = t.Reason,
            },
        }));
        detail.Heals.Add(i.Evidence.Heals.Select(h => new Wire.EvidenceHeal
        {
            Host = h.Host,
            At = At(h.At),
            Heal = new Wire.HealEvent
            {
                Check = h.Check, Action = h.Action, RunsInWindow = (uint)h.RunsInWindow, Budget = (uint)h.Budget, Rule = h.Rule, Detail = h.Detail,
                Outcome = System.Enum.TryParse<Wire.HealOutcome>(h.Outcome, ignoreCase: true, out var outcome) ? outcome : Wire.HealOutcome.Unspecified,
            },
        }));
        detail.Readings.Add(i.Evidence.Readings.Select(r => new Wire.EvidenceReading
        {
            Host = r.Host, At = At(r.At), Reading = new Wire.Reading { Name = r.Name, Subject = r.Subject, Last = r.Last, Min = r.Min, Max = r.Max },
        }));
        detail.Counters.Add(i.Evidence.Counters);
        detail.Timeline.Add(i.Timeline.Select(t => new Wire.TimelineEntry { At = At(t.At), Kind = t.Kind, Actor = t.Actor, Text = t.Text }));
        return detail;
    }

    public static Wire.SilenceInfo Silence(Model.Silence s, DateTime now) => new()
    {
        Id = (ulong)s.Id,
        Host = s.Host ?? "",
        Component = s.Component ?? "",
        Check = s.Check ?? "",
        Label = s.Label ?? "",
        StartsAt = At(s.StartsAt),
        EndsAt = At(s.EndsAt),
        CreatedBy = s.CreatedBy,
        Comment = s.Comment,
        Active = s.IsActive(now),
    };

    public static Wire.AuditEntry Audit(Model.AuditEntry a) => new()
    {
        At = At(a.At),
        Actor = a.Actor,
        Action = a.Action,
        IncidentId = (ulong)(a.IncidentId ?? 0),
        SilenceId = (ulong)(a.SilenceId ?? 0),
        Reason = a.Reason,
    };

    public static Wire.Severity Severity(Model.Severity s) => (Wire.Severity)((int)s + 1);

    /// <summary>The model severity of a wire one; null for UNSPECIFIED or an unknown value.</summary>
    public static Model.Severity? Severity(Wire.Severity s) =>
        s is >= Wire.Severity.P0 and <= Wire.Severity.P4 ? (Model.Severity)((int)s - 1) : null;

    public static IncidentState? State(Wire.IncidentState s) => s switch
    {
        Wire.IncidentState.Open => IncidentState.Open,
        Wire.IncidentState.Acknowledged => IncidentState.Acknowledged,
        Wire.IncidentState.Resolved => IncidentState.Resolved,
        _ => null,
    };

    private static Wire.CheckState State(string name) => name switch
    {
        "OK" => Wire.CheckState.Ok,
        "WARN" => Wire.CheckState.Warn,
        "CRIT" => Wire.CheckState.Crit,
        "UNKNOWN" => Wire.CheckState.Unknown,
        _ => Wire.CheckState.Unspecified,
    };

    public static Timestamp? At(DateTime? t) => t is { } v ? Timestamp.FromDateTime(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}

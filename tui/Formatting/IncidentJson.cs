using System.Text.Json.Serialization;
using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>`warden incidents --json`. Property names are a contract for scripts: rename nothing.</summary>
internal sealed record IncidentListDocument(
    [property: JsonPropertyName("serverTime")] DateTimeOffset ServerTime,
    [property: JsonPropertyName("incidents")] IReadOnlyList<IncidentDocument> Incidents)
{
    public static IncidentListDocument From(IEnumerable<IncidentSummary> incidents, DateTimeOffset serverTime) =>
        new(serverTime, incidents.Select(IncidentDocument.From).ToList());
}

internal sealed record IncidentDocument(
    [property: JsonPropertyName("id")] ulong Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("component")] string Component,
    [property: JsonPropertyName("check")] string Check,
    [property: JsonPropertyName("hosts")] IReadOnlyList<string> Hosts,
    [property: JsonPropertyName("openedAt")] DateTimeOffset? OpenedAt,
    [property: JsonPropertyName("slaDeadline")] DateTimeOffset? SlaDeadline,
    [property: JsonPropertyName("acknowledgedAt")] DateTimeOffset? AcknowledgedAt,
    [property: JsonPropertyName("acknowledgedBy")] string? AcknowledgedBy,
    [property: JsonPropertyName("resolvedAt")] DateTimeOffset? ResolvedAt,
    [property: JsonPropertyName("resolvedBy")] string? ResolvedBy,
    [property: JsonPropertyName("escalationLevel")] uint EscalationLevel,
    [property: JsonPropertyName("reopenCount")] uint ReopenCount,
    [property: JsonPropertyName("occurrences")] uint Occurrences,
    [property: JsonPropertyName("flapping")] bool Flapping,
    [property: JsonPropertyName("silencedBy")] string? SilencedBy,
    [property: JsonPropertyName("mergedInto")] ulong? MergedInto,
    [property: JsonPropertyName("failingChildren")] uint FailingChildren)
{
    public static IncidentDocument From(IncidentSummary i) => new(
        i.Id, i.Title, IncidentWords.Severity(i.Severity), IncidentWords.State(i.State), IncidentWords.Scope(i.Scope),
        i.Rule, i.Component, i.Check, [.. i.Hosts],
        i.OpenedAt?.ToDateTimeOffset(), i.SlaDeadline?.ToDateTimeOffset(),
        i.AcknowledgedAt?.ToDateTimeOffset(), NullIfEmpty(i.AcknowledgedBy),
        i.ResolvedAt?.ToDateTimeOffset(), NullIfEmpty(i.ResolvedBy),
        i.EscalationLevel, i.ReopenCount, i.Occurrences, i.Flapping, NullIfEmpty(i.SilencedBy),
        i.MergedInto == 0 ? null : i.MergedInto, i.FailingChildren);

    internal static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>`warden show --json` (and what ack and resolve print with --json).</summary>
internal sealed record IncidentDetailDocument(
    [property: JsonPropertyName("incident")] IncidentDocument Incident,
    [property: JsonPropertyName("children")] IReadOnlyList<ChildDocument> Children,
    [property: JsonPropertyName("timeline")] IReadOnlyList<TimelineDocument> Timeline,
    [property: JsonPropertyName("evidence")] IReadOnlyList<EvidenceDocument> Evidence,
    [property: JsonPropertyName("counters")] IReadOnlyDictionary<string, long> Counters)
{
    public static IncidentDetailDocument From(IncidentDetail d) => new(
        IncidentDocument.From(d.Summary),
        d.Children.Select(c => new ChildDocument(c.Host, c.Component, c.Check, c.Failing, c.Since?.ToDateTimeOffset(), c.Reason)).ToList(),
        d.Timeline.Select(t => new TimelineDocument(t.At?.ToDateTimeOffset(), t.Kind, t.Actor, t.Text)).ToList(),
        IncidentEvidence.From(d).Select(e => new EvidenceDocument(e.At, e.Host, e.Kind, e.Text)).ToList(),
        new SortedDictionary<string, long>(d.Counters, StringComparer.Ordinal));
}

internal sealed record ChildDocument(
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("component")] string Component,
    [property: JsonPropertyName("check")] string Check,
    [property: JsonPropertyName("failing")] bool Failing,
    [property: JsonPropertyName("since")] DateTimeOffset? Since,
    [property: JsonPropertyName("reason")] string Reason);

internal sealed record TimelineDocument(
    [property: JsonPropertyName("at")] DateTimeOffset? At,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("text")] string Text);

internal sealed record EvidenceDocument(
    [property: JsonPropertyName("at")] DateTimeOffset? At,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("text")] string Text);

/// <summary>What `warden silence --json` prints.</summary>
internal sealed record SilenceDocument(
    [property: JsonPropertyName("id")] ulong Id,
    [property: JsonPropertyName("host")] string? Host,
    [property: JsonPropertyName("component")] string? Component,
    [property: JsonPropertyName("check")] string? Check,
    [property: JsonPropertyName("startsAt")] DateTimeOffset? StartsAt,
    [property: JsonPropertyName("endsAt")] DateTimeOffset? EndsAt,
    [property: JsonPropertyName("createdBy")] string CreatedBy,
    [property: JsonPropertyName("comment")] string Comment,
    [property: JsonPropertyName("active")] bool Active)
{
    public static SilenceDocument From(SilenceInfo s) => new(
        s.Id, IncidentDocument.NullIfEmpty(s.Host), IncidentDocument.NullIfEmpty(s.Component), IncidentDocument.NullIfEmpty(s.Check),
        s.StartsAt?.ToDateTimeOffset(), s.EndsAt?.ToDateTimeOffset(), s.CreatedBy, s.Comment, s.Active);
}

/// <summary>Source-generated serializer: no reflection, so the AOT binary keeps working.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IncidentListDocument))]
[JsonSerializable(typeof(IncidentDetailDocument))]
[JsonSerializable(typeof(SilenceDocument))]
internal sealed partial class IncidentJsonContext : JsonSerializerContext;

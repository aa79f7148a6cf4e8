using System.Text.Json.Serialization;
using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>
/// `warden report --json`, schema "warden.report/v1". Property names and meanings are a contract for
/// scripts: add, never rename. Durations are seconds; shares are 0..1; a figure that cannot be
/// computed (MTBF without failures, a rate without any case) is null.
/// </summary>
internal sealed record ReportDocument(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("periodStart")] DateTimeOffset PeriodStart,
    [property: JsonPropertyName("periodEnd")] DateTimeOffset PeriodEnd,
    [property: JsonPropertyName("fleet")] AvailabilityDocument Fleet,
    [property: JsonPropertyName("mtbfSeconds")] double? MtbfSeconds,
    [property: JsonPropertyName("mttrSeconds")] double? MttrSeconds,
    [property: JsonPropertyName("resolvedOutages")] uint ResolvedOutages,
    [property: JsonPropertyName("incidentsOpened")] uint IncidentsOpened,
    [property: JsonPropertyName("bySeverity")] IReadOnlyDictionary<string, uint> BySeverity,
    [property: JsonPropertyName("byCause")] IReadOnlyList<CauseDocument> ByCause,
    [property: JsonPropertyName("resolved")] ResolvedDocument Resolved,
    [property: JsonPropertyName("heals")] HealsDocument Heals,
    [property: JsonPropertyName("hosts")] IReadOnlyList<AvailabilityDocument> Hosts,
    [property: JsonPropertyName("components")] IReadOnlyList<AvailabilityDocument> Components)
{
    public const string SchemaName = "warden.report/v1";

    public static ReportDocument From(ResilienceReport r) => new(
        SchemaName,
        r.PeriodStart.ToDateTimeOffset(),
        r.PeriodEnd.ToDateTimeOffset(),
        AvailabilityDocument.From(r.Fleet),
        ReportFigures.Mtbf(r),
        ReportFigures.Mttr(r),
        r.ResolvedEpisodes,
        r.IncidentsOpened,
        ReportFigures.BySeverity(r).ToDictionary(s => s.Severity, s => s.Count, StringComparer.Ordinal),
        r.ByCause.Select(c => new CauseDocument(c.Key, c.Count)).ToList(),
        new ResolvedDocument(r.ResolvedAutomatically, r.ResolvedAfterHeal, r.ResolvedByHand, ReportFigures.AutomaticShare(r)),
        new HealsDocument(r.HealsSucceeded, r.HealsFailed, r.HealsTimedOut, r.HealsExhausted, ReportFigures.HealSuccessRate(r)),
        r.Hosts.Select(AvailabilityDocument.From).ToList(),
        r.Components.Select(AvailabilityDocument.From).ToList());
}

internal sealed record AvailabilityDocument(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("availability")] double Availability,
    [property: JsonPropertyName("downSeconds")] double DownSeconds,
    [property: JsonPropertyName("observedSeconds")] double ObservedSeconds,
    [property: JsonPropertyName("failures")] uint Failures)
{
    public static AvailabilityDocument From(AvailabilityLine l) => new(l.Subject, l.Availability, l.DownSeconds, l.ObservedSeconds, l.Failures);
}

internal sealed record CauseDocument(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("incidents")] uint Incidents);

internal sealed record ResolvedDocument(
    [property: JsonPropertyName("automatically")] uint Automatically,
    [property: JsonPropertyName("afterHeal")] uint AfterHeal,
    [property: JsonPropertyName("byHand")] uint ByHand,
    [property: JsonPropertyName("automaticShare")] double? AutomaticShare);

internal sealed record HealsDocument(
    [property: JsonPropertyName("succeeded")] uint Succeeded,
    [property: JsonPropertyName("failed")] uint Failed,
    [property: JsonPropertyName("timedOut")] uint TimedOut,
    [property: JsonPropertyName("exhausted")] uint Exhausted,
    [property: JsonPropertyName("successRate")] double? SuccessRate);

/// <summary>Source-generated serializer: no reflection, so the AOT binary keeps working.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

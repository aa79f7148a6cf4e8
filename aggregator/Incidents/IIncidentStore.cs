namespace Warden.Aggregator.Incidents;

/// <summary>
/// The incident engine's durable state: incidents, silences and the audit log. Every write
/// returns once durable. LiteDB implements it beside the site store; a replicated engine later.
/// </summary>
public interface IIncidentStore
{
    /// <summary>Inserts or replaces the incident (by Id).</summary>
    void Save(Incident incident);

    /// <summary>Saves the incidents and appends the audit entries in one durable write.</summary>
    void Save(IReadOnlyCollection<Incident> incidents, IReadOnlyCollection<AuditEntry> audit);

    Incident? Find(long id);

    /// <summary>The highest incident id stored, 0 if none: the engine numbers new incidents after it.</summary>
    long LastIncidentId();

    /// <summary>Incidents still open or acknowledged, plus those resolved at or after <paramref name="resolvedSince"/>.</summary>
    IReadOnlyList<Incident> Recent(DateTime resolvedSince);

    /// <summary>Newest first, filtered; null filters match everything.</summary>
    IReadOnlyList<Incident> Query(IncidentQuery query);

    void Save(Silence silence);

    IReadOnlyList<Silence> Silences();

    void Append(AuditEntry entry);

    /// <summary>Newest first.</summary>
    IReadOnlyList<AuditEntry> Audit(long? incidentId, DateTime? since, int limit);
}

public sealed record IncidentQuery(
    IReadOnlyCollection<IncidentState>? States = null,
    IReadOnlyCollection<Severity>? Severities = null,
    string? Host = null,
    int Limit = 500);

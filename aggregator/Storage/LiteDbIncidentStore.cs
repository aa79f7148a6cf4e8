using LiteDB;
using Warden.Aggregator.Incidents;

namespace Warden.Aggregator.Storage;

/// <summary>
/// Incidents, silences and the audit log as collections of the site's LiteDB file, written under
/// the site store's lock and checkpointed after each commit so that a write is on disk when it returns.
/// </summary>
public sealed class LiteDbIncidentStore : IIncidentStore
{
    private readonly LiteDbSiteStore _site;
    private readonly ILiteCollection<Incident> _incidents;
    private readonly ILiteCollection<Silence> _silences;
    private readonly ILiteCollection<AuditEntry> _audit;

    public LiteDbIncidentStore(LiteDbSiteStore site)
    {
        _site = site;
        _incidents = site.Database.GetCollection<Incident>("incidents", BsonAutoId.Int64);
        _silences = site.Database.GetCollection<Silence>("silences", BsonAutoId.Int64);
        _audit = site.Database.GetCollection<AuditEntry>("audit", BsonAutoId.Int64);
        _incidents.EnsureIndex(i => i.State);
        _incidents.EnsureIndex(i => i.ResolvedAt);
        _audit.EnsureIndex(a => a.IncidentId);
    }

    public void Save(Incident incident) => Save([incident], []);

    public void Save(IReadOnlyCollection<Incident> incidents, IReadOnlyCollection<AuditEntry> audit) => _site.WriteDurably(() =>
    {
        foreach (var incident in incidents)
        {
            if (incident.Id == 0)
            {
                _incidents.Insert(incident);
            }
            else
            {
                _incidents.Upsert(incident);
            }
        }
        foreach (var entry in audit)
        {
            _audit.Insert(entry);
        }
    });

    public Incident? Find(long id) => _incidents.FindById(id);

    public long LastIncidentId() => _incidents.Query().OrderByDescending(i => i.Id).Select(i => i.Id).FirstOrDefault();

    /// <summary>Two index lookups (State, ResolvedAt) instead of a scan of every incident ever stored.</summary>
    public IReadOnlyList<Incident> Recent(DateTime resolvedSince) =>
        _incidents.Find(LiteDB.Query.In(nameof(Incident.State), nameof(IncidentState.Open), nameof(IncidentState.Acknowledged)))
            .Concat(_incidents.Find(LiteDB.Query.GTE(nameof(Incident.ResolvedAt), resolvedSince)))
            .DistinctBy(i => i.Id)
            .OrderBy(i => i.Id)
            .ToList();

    public IReadOnlyList<Incident> Query(IncidentQuery query)
    {
        var q = _incidents.Query();
        if (query.States is { Count: > 0 } states)
        {
            var names = states.ToList();
            q = q.Where(i => names.Contains(i.State));
        }
        if (query.Severities is { Count: > 0 } severities)
        {
            var names = severities.ToList();
            q = q.Where(i => names.Contains(i.Severity));
        }
        var found = q.OrderByDescending(i => i.Id).ToEnumerable();
        if (!string.IsNullOrEmpty(query.Host))
        {
            found = found.Where(i => i.Children.Any(c => c.Host == query.Host));
        }
        return found.Take(query.Limit).ToList();
    }

    public void Save(Silence silence) => _site.WriteDurably(() =>
    {
        if (silence.Id == 0)
        {
            _silences.Insert(silence);
        }
        else
        {
            _silences.Update(silence);
        }
    });

    public IReadOnlyList<Silence> Silences() => _silences.Query().OrderBy(s => s.Id).ToList();

    public void Append(AuditEntry entry) => _site.WriteDurably(() => _audit.Insert(entry));

    public IReadOnlyList<AuditEntry> Audit(long? incidentId, DateTime? since, int limit)
    {
        var q = _audit.Query();
        if (incidentId is { } id)
        {
            q = q.Where(a => a.IncidentId == id);
        }
        if (since is { } from)
        {
            q = q.Where(a => a.At >= from);
        }
        return q.OrderByDescending(a => a.Id).Limit(limit).ToList();
    }
}

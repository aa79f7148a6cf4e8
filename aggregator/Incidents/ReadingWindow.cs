using Warden.Aggregator.Fleet;
using Warden.Proto.V1;

namespace Warden.Aggregator.Incidents;

/// <summary>
/// The last few sample batches per host, so that an incident can carry the readings around the
/// moment it opened as evidence. With the aggregator's recent window given, it reads them from
/// there (stamped with each batch's window end) and keeps no copy of its own: a second copy of
/// every host's batches, held for a few intervals, was middle-aged garbage for the GC at fleet scale.
/// </summary>
public sealed class ReadingWindow(IRecentReadings? shared = null)
{
    private const int BatchesPerHost = 3;
    private readonly Dictionary<string, Queue<(DateTime At, SampleBatch Batch)>> _hosts = new(StringComparer.Ordinal);

    /// <summary>True when the batches are read from the aggregator's recent window (Add keeps nothing).</summary>
    public bool IsShared => shared is not null;

    public void Add(string host, SampleBatch batch, DateTime at)
    {
        if (shared is not null)
        {
            return;
        }
        if (!_hosts.TryGetValue(host, out var batches))
        {
            _hosts[host] = batches = new Queue<(DateTime, SampleBatch)>();
        }
        batches.Enqueue((at, batch));
        while (batches.Count > BatchesPerHost)
        {
            batches.Dequeue();
        }
    }

    /// <summary>
    /// The host's recent readings that bear on the check: those about its subject ("disk_space:/var"
    /// -> subject "/var") and the scores, newest first, at most <paramref name="max"/>.
    /// </summary>
    public List<EvidenceReading> Around(string host, string check, int max)
    {
        var batches = Batches(host);
        var colon = check.IndexOf(':', StringComparison.Ordinal);
        var subject = colon < 0 ? null : check[(colon + 1)..];
        return batches.Reverse()
            .SelectMany(b => b.Batch.Readings
                .Where(r => (subject is not null && r.Subject == subject) || r.Name.StartsWith("score.", StringComparison.Ordinal))
                .Select(r => new EvidenceReading { Host = host, At = b.At, Name = r.Name, Subject = r.Subject, Last = r.Last, Min = r.Min, Max = r.Max }))
            .Take(max)
            .ToList();
    }

    private IEnumerable<(DateTime At, SampleBatch Batch)> Batches(string host)
    {
        if (shared is not null)
        {
            return shared.Recent(host).TakeLast(BatchesPerHost).Select(b => ((b.WindowEnd ?? b.WindowStart)?.ToDateTime() ?? DateTime.MinValue, b));
        }
        return _hosts.TryGetValue(host, out var batches) ? batches : [];
    }
}

using System.Collections.Concurrent;

namespace Warden.Aggregator.Storage;

/// <summary>
/// The hosts as the store knows them, held in memory, and which of their documents are behind.
/// Sample batches change every host on every commit (last seen, latest readings, stored
/// sequences), so writing each host's document each commit cost more than the samples. Instead a
/// host's document is written at once when a Hello or an event batch changes it, and all hosts
/// behind are written together at most every flush interval, with the last page they include.
/// What happened after that page is in the pages after it, and is replayed at open.
/// </summary>
internal sealed class HostState(TimeSpan flushInterval)
{
    // Values are replaced, never changed once published, so readers take them without a lock.
    private readonly ConcurrentDictionary<string, StoredHost> _hosts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _behind = new(StringComparer.Ordinal);
    private DateTime _flushedAt = DateTime.MinValue;

    /// <summary>The last sample page whose effects every host document holds.</summary>
    public long ThroughPage { get; private set; }

    public int Behind => _behind.Count;

    public StoredHost? Find(string host) => _hosts.GetValueOrDefault(host);

    public IEnumerable<StoredHost> All => _hosts.Values;

    /// <summary>
    /// Whether a commit received at <paramref name="now"/> should write every host that is behind
    /// and move ThroughPage on (also with none behind: retention keeps the pages after it).
    /// </summary>
    public bool FlushDue(DateTime now) => now - _flushedAt >= flushInterval;

    /// <summary>The hosts a flush writes: those behind, and those of this commit.</summary>
    public IEnumerable<StoredHost> ToFlush(IReadOnlyDictionary<string, StoredHost> committed) =>
        committed.Values.Concat(_behind.Where(h => !committed.ContainsKey(h)).Select(h => _hosts[h]));

    /// <summary>Loads the stored host documents at open; <paramref name="throughPage"/> is the page they hold.</summary>
    public void Load(IEnumerable<StoredHost> stored, long throughPage)
    {
        foreach (var host in stored)
        {
            _hosts[host.Id] = host;
        }
        ThroughPage = throughPage;
    }

    /// <summary>
    /// Applies a sample batch found in a page after ThroughPage at open. Replay is idempotent: a
    /// host document written after the page (an event commit) already has the batch, and applying
    /// it again changes nothing. A receipt (format 3) brings back the dedupe mark, last seen, last
    /// sequence and shipping interval; the latest readings stay those of the host's last flush
    /// until its next batch arrives (at most Ingest:HostFlushSeconds behind, after a crash only).
    /// </summary>
    public void Replay(StoredBatch batch)
    {
        if (!_hosts.TryGetValue(batch.Host, out var host))
        {
            _hosts[batch.Host] = host = new StoredHost { Id = batch.Host, FirstSeen = batch.ReceivedAt };
        }
        SequenceRanges.Add(host.Stored, batch.Sequence);
        if (batch.HasReadings)
        {
            RecordEffects.ApplySamples(host, batch.ToBatch(), batch.ReceivedAt);
        }
        else
        {
            RecordEffects.ApplyReceipt(host, batch.Sequence, batch.ReceivedAt, batch.WindowStart, batch.WindowEnd);
        }
        _behind.Add(host.Id);
    }

    /// <summary>
    /// Takes in a durable commit: its hosts replace the ones held; those written by it are up to
    /// date, the others behind; a flush (<paramref name="flushedThrough"/> set) brings all up to date.
    /// </summary>
    public void Committed(IReadOnlyDictionary<string, StoredHost> hosts, IReadOnlySet<string> written, long? flushedThrough, DateTime now)
    {
        foreach (var (name, host) in hosts)
        {
            _hosts[name] = host;
            if (!written.Contains(name))
            {
                _behind.Add(name);
            }
        }
        if (flushedThrough is { } page)
        {
            _behind.Clear();
            ThroughPage = page;
            _flushedAt = now;
        }
        else
        {
            _behind.ExceptWith(written);
        }
    }
}

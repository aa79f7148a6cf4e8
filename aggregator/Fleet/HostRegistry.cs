using Warden.Aggregator.Configuration;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Fleet;

/// <summary>
/// The live view of the fleet: stored hosts and their check states, which agents hold a stream
/// open, and each host's liveness. Watchers are told which hosts changed (coalesced), so a slow
/// watcher costs a set of names, never a growing queue of updates.
/// </summary>
public sealed class HostRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, HostEntry> _hosts = new(StringComparer.Ordinal);
    private readonly List<HostWatcher> _watchers = [];
    private readonly LivenessOptions _liveness;

    public HostRegistry(ISiteStore store, TimeProvider time, AggregatorOptions options)
    {
        _liveness = options.Liveness;
        var now = time.GetUtcNow();
        foreach (var host in store.Hosts())
        {
            var entry = new HostEntry(host, new DateTimeOffset(DateTime.SpecifyKind(host.LastSeen, DateTimeKind.Utc)));
            entry.Liveness = LivenessAt(entry, now);
            _hosts[host.Id] = entry;
        }
        foreach (var check in store.Checks())
        {
            if (_hosts.TryGetValue(check.Host, out var entry))
            {
                entry.Checks[check.Check] = check;
            }
        }
    }

    public void StreamOpened(string host)
    {
        lock (_gate)
        {
            if (_hosts.TryGetValue(host, out var entry))
            {
                entry.Streams++;
                Changed(host);
            }
        }
    }

    public void StreamClosed(string host)
    {
        lock (_gate)
        {
            if (_hosts.TryGetValue(host, out var entry))
            {
                entry.Streams = Math.Max(0, entry.Streams - 1);
                Changed(host);
            }
        }
    }

    /// <summary>
    /// Takes in a durable commit: every record (duplicates too) means its host was heard. Returns
    /// the hosts whose liveness this changed (back to online).
    /// </summary>
    public List<(string Host, HostLiveness Liveness)> Committed(IReadOnlyList<IngestRecord> records, CommitResult result)
    {
        var revived = new List<(string, HostLiveness)>();
        lock (_gate)
        {
            foreach (var host in result.Hosts)
            {
                if (_hosts.TryGetValue(host.Id, out var entry))
                {
                    entry.Stored = host;
                }
                else
                {
                    _hosts[host.Id] = new HostEntry(host, DateTimeOffset.MinValue);
                }
                Changed(host.Id);
            }
            foreach (var check in result.Checks)
            {
                _hosts[check.Host].Checks[check.Check] = check;
            }
            foreach (var record in records)
            {
                if (_hosts.TryGetValue(record.Host, out var entry) && record.ReceivedAt > entry.LastHeard)
                {
                    entry.LastHeard = record.ReceivedAt;
                    if (entry.Liveness != HostLiveness.Online)
                    {
                        entry.Liveness = HostLiveness.Online;
                        revived.Add((record.Host, HostLiveness.Online));
                        Changed(record.Host);
                    }
                }
            }
        }
        return revived;
    }

    /// <summary>
    /// Counts every host with a stream open as heard at <paramref name="now"/>: while ingest pushes
    /// back, a stream goes quiet because the aggregator stopped reading it, not because its host did.
    /// </summary>
    public void HeardOpenStreams(DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var entry in _hosts.Values)
            {
                if (entry.Streams > 0 && entry.LastHeard < now)
                {
                    entry.LastHeard = now;
                }
            }
        }
    }

    /// <summary>Re-judges every host's liveness at <paramref name="now"/>; returns the changes.</summary>
    public List<(string Host, HostLiveness Liveness)> JudgeLiveness(DateTimeOffset now)
    {
        var changes = new List<(string, HostLiveness)>();
        lock (_gate)
        {
            foreach (var (name, entry) in _hosts)
            {
                var liveness = LivenessAt(entry, now);
                if (liveness != entry.Liveness)
                {
                    entry.Liveness = liveness;
                    changes.Add((name, liveness));
                    Changed(name);
                }
            }
        }
        return changes;
    }

    public Dictionary<HostLiveness, int> CountByLiveness()
    {
        lock (_gate)
        {
            return Enum.GetValues<HostLiveness>().ToDictionary(l => l, l => _hosts.Values.Count(h => h.Liveness == l));
        }
    }

    public List<HostSummary> Snapshot()
    {
        lock (_gate)
        {
            return _hosts.Values.OrderBy(h => h.Stored.Id, StringComparer.Ordinal).Select(HostViews.Summary).ToList();
        }
    }

    public HostSummary? Find(string host)
    {
        lock (_gate)
        {
            return _hosts.TryGetValue(host, out var entry) ? HostViews.Summary(entry) : null;
        }
    }

    /// <summary>The host's checks as an operator sees them (UNKNOWN while it is not online); null for an unknown host.</summary>
    public List<HostCheckState>? Checks(string host)
    {
        lock (_gate)
        {
            return _hosts.TryGetValue(host, out var entry) ? HostViews.Checks(entry) : null;
        }
    }

    /// <summary>Each host's latest readings, for /metrics.</summary>
    public List<(string Host, IReadOnlyList<StoredReading> Latest)> LatestReadings()
    {
        lock (_gate)
        {
            return _hosts.Values.Select(h => (h.Stored.Id, (IReadOnlyList<StoredReading>)h.Stored.Latest)).ToList();
        }
    }

    public HostWatcher Watch()
    {
        var watcher = new HostWatcher(this);
        lock (_gate)
        {
            _watchers.Add(watcher);
        }
        return watcher;
    }

    internal void Unwatch(HostWatcher watcher)
    {
        lock (_gate)
        {
            _watchers.Remove(watcher);
        }
    }

    private HostLiveness LivenessAt(HostEntry entry, DateTimeOffset now)
    {
        var interval = entry.Stored.ShipIntervalSeconds > 0 ? entry.Stored.ShipIntervalSeconds : _liveness.DefaultShipIntervalSeconds;
        var quiet = (now - entry.LastHeard).TotalSeconds;
        var silentAfter = interval * _liveness.SilentAfterIntervals;
        return quiet >= Math.Max(silentAfter, _liveness.OfflineAfterSeconds) ? HostLiveness.Offline
            : quiet >= silentAfter ? HostLiveness.Silent
            : HostLiveness.Online;
    }

    private void Changed(string host)
    {
        foreach (var watcher in _watchers)
        {
            watcher.MarkChanged(host);
        }
    }
}

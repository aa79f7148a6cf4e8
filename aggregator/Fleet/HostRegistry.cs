using Google.Protobuf.WellKnownTypes;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Fleet;

/// <summary>
/// The live view of the fleet for the operator API: stored hosts plus which agents hold a stream
/// open now. Watchers are told which hosts changed (coalesced), so a slow watcher costs a set of
/// names, never a growing queue of updates.
/// </summary>
public sealed class HostRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StoredHost> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _streams = new(StringComparer.Ordinal);
    private readonly List<HostWatcher> _watchers = [];

    public HostRegistry(ISiteStore store)
    {
        foreach (var host in store.Hosts())
        {
            _hosts[host.Id] = host;
        }
    }

    public void StreamOpened(StoredHost host)
    {
        lock (_gate)
        {
            _streams[host.Id] = _streams.GetValueOrDefault(host.Id) + 1;
            Changed(host);
        }
    }

    public void StreamClosed(string host)
    {
        lock (_gate)
        {
            var open = _streams.GetValueOrDefault(host) - 1;
            if (open > 0)
            {
                _streams[host] = open;
            }
            else
            {
                _streams.Remove(host);
            }
            if (_hosts.TryGetValue(host, out var stored))
            {
                Changed(stored);
            }
        }
    }

    public void Updated(StoredHost host)
    {
        lock (_gate)
        {
            Changed(host);
        }
    }

    public List<HostSummary> Snapshot()
    {
        lock (_gate)
        {
            return _hosts.Values.OrderBy(h => h.Id, StringComparer.Ordinal).Select(ToSummaryLocked).ToList();
        }
    }

    public HostSummary? Find(string host)
    {
        lock (_gate)
        {
            return _hosts.TryGetValue(host, out var stored) ? ToSummaryLocked(stored) : null;
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

    private void Changed(StoredHost host)
    {
        _hosts[host.Id] = host;
        foreach (var watcher in _watchers)
        {
            watcher.MarkChanged(host.Id);
        }
    }

    private HostSummary ToSummaryLocked(StoredHost h)
    {
        var summary = new HostSummary
        {
            Host = h.Id,
            MachineId = h.MachineId,
            AgentVersion = h.AgentVersion,
            FirstSeen = Timestamp.FromDateTime(DateTime.SpecifyKind(h.FirstSeen, DateTimeKind.Utc)),
            LastSeen = Timestamp.FromDateTime(DateTime.SpecifyKind(h.LastSeen, DateTimeKind.Utc)),
            Connected = _streams.ContainsKey(h.Id),
            LastSequence = (ulong)h.LastSequence,
            CpuCount = (uint)h.CpuCount,
            Kernel = h.Kernel,
        };
        foreach (var r in h.Latest)
        {
            summary.Latest.Add(new Reading { Name = r.Name, Subject = r.Subject, Last = r.Last, Min = r.Min, Max = r.Max, Count = (uint)r.Count });
        }
        return summary;
    }
}

using Warden.Proto.V1;
using Warden.Tui.Client;
using Warden.Tui.Formatting;

namespace Warden.Tui.Model;

/// <summary>
/// The TUI's view model: the hosts as last reported, the connection state, and the rows and banner
/// derived from them. Plain class, single-threaded: callers marshal feed events onto one thread.
/// </summary>
internal sealed class HostListState(TimeProvider time) : IHostFeedObserver, IFeedStatus
{
    public const string ConnectionLostBanner = "connection lost — reconnecting";

    private readonly Dictionary<string, HostSummary> _hosts = new(StringComparer.Ordinal);

    // Hosts of a snapshot still arriving; swapped in at SnapshotEnd so hosts removed while we were
    // away disappear, and the old list stays on screen until the new one is complete.
    private readonly Dictionary<string, HostSummary> _pending = new(StringComparer.Ordinal);

    private readonly FeedTracker _feed = new(time);

    public event Action? Changed;

    public FeedStatus Status => _feed.Status;

    public string? LastError => _feed.LastError;

    /// <summary>True while the rows may be out of date: the stream dropped after data arrived.</summary>
    public bool IsStale => Status == FeedStatus.Reconnecting && _hosts.Count > 0;

    public int HostCount => _hosts.Count;

    public string? Banner => Status == FeedStatus.Reconnecting ? ConnectionLostBanner : null;

    public void HostUpserted(HostSummary host)
    {
        if (Status == FeedStatus.Live)
        {
            _hosts[host.Host] = host;
            Changed?.Invoke();
        }
        else
        {
            _pending[host.Host] = host;
        }
    }

    public void SnapshotEnded(DateTimeOffset serverTime)
    {
        _hosts.Clear();
        foreach (KeyValuePair<string, HostSummary> entry in _pending)
        {
            _hosts[entry.Key] = entry.Value;
        }

        _pending.Clear();
        _feed.SnapshotEnded(serverTime);
        Changed?.Invoke();
    }

    public void ConnectionLost(string reason, TimeSpan retryIn)
    {
        _pending.Clear();
        _feed.ConnectionLost(reason, retryIn);
        Changed?.Invoke();
    }

    /// <summary>The aggregator's clock now, estimated from the last snapshot; ages are measured by it.</summary>
    public DateTimeOffset ServerNow => _feed.ServerNow;

    /// <summary>Fleet rows sorted by host, ages measured by the aggregator's clock.</summary>
    public IReadOnlyList<FleetRow> FleetRows()
    {
        DateTimeOffset serverNow = ServerNow;
        var rows = new List<FleetRow>(_hosts.Count);
        foreach (HostSummary host in _hosts.Values)
        {
            rows.Add(FleetRow.From(host, serverNow));
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.Host, b.Host));
        return rows;
    }

    /// <summary>The host as last reported, or null when the aggregator no longer lists it.</summary>
    public HostSummary? Find(string host) => _hosts.GetValueOrDefault(host);

    /// <summary>One status line under the banner: what the user is looking at and how fresh it is.</summary>
    public string StatusLine(string address) =>
        _feed.StatusLine(address, $"live · {HostCount} {(HostCount == 1 ? "host" : "hosts")}");
}

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

    private readonly LiveSet<string, HostSummary> _hosts = new(time, h => h.Host);

    public event Action? Changed;

    public FeedStatus Status => _hosts.Feed.Status;

    public string? LastError => _hosts.Feed.LastError;

    /// <summary>True while the rows may be out of date: the stream dropped after data arrived.</summary>
    public bool IsStale => _hosts.IsStale;

    public int HostCount => _hosts.Count;

    public string? Banner => Status == FeedStatus.Reconnecting ? ConnectionLostBanner : null;

    public void HostUpserted(HostSummary host)
    {
        if (_hosts.Upsert(host))
        {
            Changed?.Invoke();
        }
    }

    public void SnapshotEnded(DateTimeOffset serverTime)
    {
        _hosts.SnapshotEnded(serverTime);
        Changed?.Invoke();
    }

    public void ConnectionLost(string reason, TimeSpan retryIn)
    {
        _hosts.ConnectionLost(reason, retryIn);
        Changed?.Invoke();
    }

    /// <summary>The aggregator's clock now, estimated from the last snapshot; ages are measured by it.</summary>
    public DateTimeOffset ServerNow => _hosts.Feed.ServerNow;

    /// <summary>Fleet rows sorted by host, ages measured by the aggregator's clock.</summary>
    public IReadOnlyList<FleetRow> FleetRows()
    {
        DateTimeOffset serverNow = ServerNow;
        var rows = new List<FleetRow>(_hosts.Count);
        foreach (HostSummary host in _hosts.Items)
        {
            rows.Add(FleetRow.From(host, serverNow));
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.Host, b.Host));
        return rows;
    }

    /// <summary>The host as last reported, or null when the aggregator no longer lists it.</summary>
    public HostSummary? Find(string host) => _hosts.Find(host);

    /// <summary>One status line under the banner: what the user is looking at and how fresh it is.</summary>
    public string StatusLine(string address) =>
        _hosts.Feed.StatusLine(address, $"live · {HostCount} {(HostCount == 1 ? "host" : "hosts")}");
}

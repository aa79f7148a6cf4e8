using Warden.Proto.V1;
using Warden.Tui.Client;
using Warden.Tui.Formatting;

namespace Warden.Tui.Model;

/// <summary>
/// The TUI's view model: the hosts as last reported, the connection state, and the rows and banner
/// derived from them. Each host is kept as a <see cref="HostCard"/>; the whole HostSummary only for
/// the hosts an open host view follows (<see cref="Follow"/>). Plain class, single-threaded:
/// callers marshal feed events onto one thread.
/// </summary>
internal sealed class HostListState(TimeProvider time) : IHostFeedObserver, IFeedStatus
{
    public const string ConnectionLostBanner = "connection lost — reconnecting";

    private readonly LiveSet<string, HostCard> _hosts = new(time, c => c.Host);

    // Hosts an open host view follows, with their latest summary (null until one arrives), and how
    // many views follow each.
    private readonly Dictionary<string, (HostSummary? Latest, int Views)> _followed = new(StringComparer.Ordinal);

    public event Action? Changed;

    public FeedStatus Status => _hosts.Feed.Status;

    public string? LastError => _hosts.Feed.LastError;

    /// <summary>True while the rows may be out of date: the stream dropped after data arrived.</summary>
    public bool IsStale => _hosts.IsStale;

    public int HostCount => _hosts.Count;

    public string? Banner => Status == FeedStatus.Reconnecting ? ConnectionLostBanner : null;

    public void HostUpserted(HostSummary host)
    {
        if (_followed.TryGetValue(host.Host, out (HostSummary? Latest, int Views) followed))
        {
            _followed[host.Host] = (host, followed.Views);
        }

        if (_hosts.Upsert(HostCard.From(host, _hosts.Find(host.Host))))
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
        foreach (HostCard card in _hosts.Items)
        {
            rows.Add(card.RowAt(serverNow));
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.Host, b.Host));
        return rows;
    }

    /// <summary>The host as the fleet shows it, or null when the aggregator no longer lists it.</summary>
    public HostCard? Card(string host) => _hosts.Find(host);

    /// <summary>
    /// The followed host's latest whole summary (every reading of its latest batch); null when the
    /// host is not followed or nothing arrived since it was.
    /// </summary>
    public HostSummary? Find(string host) => _followed.TryGetValue(host, out (HostSummary? Latest, int Views) followed) ? followed.Latest : null;

    /// <summary>Keeps the host's whole summary from now on, until <see cref="Unfollow"/> (views count).</summary>
    public void Follow(string host) =>
        _followed[host] = _followed.TryGetValue(host, out (HostSummary? Latest, int Views) followed) ? (followed.Latest, followed.Views + 1) : (null, 1);

    public void Unfollow(string host)
    {
        if (_followed.TryGetValue(host, out (HostSummary? Latest, int Views) followed))
        {
            if (followed.Views > 1)
            {
                _followed[host] = (followed.Latest, followed.Views - 1);
            }
            else
            {
                _followed.Remove(host);
            }
        }
    }

    /// <summary>
    /// A followed host's summary from elsewhere (GetHost); kept only when the feed has brought none yet.
    /// True when kept.
    /// </summary>
    public bool Seed(HostSummary host)
    {
        if (!_followed.TryGetValue(host.Host, out (HostSummary? Latest, int Views) followed) || followed.Latest is not null)
        {
            return false;
        }

        _followed[host.Host] = (host, followed.Views);
        return true;
    }

    /// <summary>One status line under the banner: what the user is looking at and how fresh it is.</summary>
    public string StatusLine(string address) =>
        _hosts.Feed.StatusLine(address, $"live · {HostCount} {(HostCount == 1 ? "host" : "hosts")}");
}

using Warden.Proto.V1;
using Warden.Tui.Client;

namespace Warden.Tui.Model;

/// <summary>
/// The incidents as last streamed by WatchIncidents, and how fresh they are. Single-threaded like
/// <see cref="HostListState"/>: feed events are marshalled onto the UI thread.
/// </summary>
internal sealed class IncidentListState(TimeProvider time) : IIncidentFeedObserver, IFeedStatus
{
    public const string ConnectionLostBanner = "incident stream lost — reconnecting";

    private readonly LiveSet<ulong, IncidentSummary> _incidents = new(time, i => i.Id);

    public event Action? Changed;

    public FeedStatus Status => _incidents.Feed.Status;

    public bool IsStale => _incidents.IsStale;

    public string? Banner => Status == FeedStatus.Reconnecting ? ConnectionLostBanner : null;

    public DateTimeOffset ServerNow => _incidents.Feed.ServerNow;

    public void IncidentUpserted(IncidentSummary incident)
    {
        if (_incidents.Upsert(incident))
        {
            Changed?.Invoke();
        }
    }

    public void SnapshotEnded(DateTimeOffset serverTime)
    {
        _incidents.SnapshotEnded(serverTime);
        Changed?.Invoke();
    }

    public void ConnectionLost(string reason, TimeSpan retryIn)
    {
        _incidents.ConnectionLost(reason, retryIn);
        Changed?.Invoke();
    }

    /// <summary>Every incident, any state: the screen filters and sorts.</summary>
    public IReadOnlyCollection<IncidentSummary> All => _incidents.Items;

    public IncidentSummary? Find(ulong id) => _incidents.Find(id);

    public string StatusLine(string address)
    {
        int open = _incidents.Items.Count(i => i.State == IncidentState.Open);
        return _incidents.Feed.StatusLine(address, $"live · {open} open of {_incidents.Count} incidents");
    }
}

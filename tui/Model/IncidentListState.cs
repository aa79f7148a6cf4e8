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

    private readonly Dictionary<ulong, IncidentSummary> _incidents = [];

    // A snapshot still arriving replaces the list at its end, so the old one stays until then.
    private readonly Dictionary<ulong, IncidentSummary> _pending = [];
    private readonly FeedTracker _feed = new(time);

    public event Action? Changed;

    public FeedStatus Status => _feed.Status;

    public bool IsStale => Status == FeedStatus.Reconnecting && _incidents.Count > 0;

    public string? Banner => Status == FeedStatus.Reconnecting ? ConnectionLostBanner : null;

    public DateTimeOffset ServerNow => _feed.ServerNow;

    public void IncidentUpserted(IncidentSummary incident)
    {
        if (Status == FeedStatus.Live)
        {
            _incidents[incident.Id] = incident;
            Changed?.Invoke();
        }
        else
        {
            _pending[incident.Id] = incident;
        }
    }

    public void SnapshotEnded(DateTimeOffset serverTime)
    {
        _incidents.Clear();
        foreach (KeyValuePair<ulong, IncidentSummary> entry in _pending)
        {
            _incidents[entry.Key] = entry.Value;
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

    /// <summary>Every incident, any state: the screen filters and sorts.</summary>
    public IReadOnlyCollection<IncidentSummary> All => _incidents.Values;

    public IncidentSummary? Find(ulong id) => _incidents.GetValueOrDefault(id);

    public string StatusLine(string address)
    {
        int open = _incidents.Values.Count(i => i.State == IncidentState.Open);
        return _feed.StatusLine(address, $"live · {open} open of {_incidents.Count} incidents");
    }
}

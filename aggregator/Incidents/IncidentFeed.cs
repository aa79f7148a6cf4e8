using Warden.Aggregator.Api;

namespace Warden.Aggregator.Incidents;

/// <summary>Tells each watcher which incidents changed, coalesced: a slow watcher costs a set of ids, never a queue.</summary>
public sealed class IncidentFeed
{
    private readonly object _gate = new();
    private readonly List<IncidentWatcher> _watchers = [];

    public IncidentWatcher Watch()
    {
        var watcher = new IncidentWatcher(this);
        lock (_gate)
        {
            _watchers.Add(watcher);
        }
        return watcher;
    }

    public void Changed(IEnumerable<long> ids)
    {
        var list = ids.ToList();
        if (list.Count == 0)
        {
            return;
        }
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Mark(list);
            }
        }
    }

    internal void Unwatch(IncidentWatcher watcher)
    {
        lock (_gate)
        {
            _watchers.Remove(watcher);
        }
    }
}

/// <summary>One operator's subscription to incident changes: the ids changed since it last looked.</summary>
public sealed class IncidentWatcher : ChangeWatcher<long>
{
    private readonly IncidentFeed _feed;

    internal IncidentWatcher(IncidentFeed feed) => _feed = feed;

    protected override void Unsubscribe() => _feed.Unwatch(this);
}

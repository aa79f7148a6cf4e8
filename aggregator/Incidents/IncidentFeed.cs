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

public sealed class IncidentWatcher : IDisposable
{
    private readonly IncidentFeed _feed;
    private readonly object _gate = new();
    private HashSet<long> _changed = [];
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal IncidentWatcher(IncidentFeed feed) => _feed = feed;

    internal void Mark(IEnumerable<long> ids)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _changed.UnionWith(ids);
            signal = _signal;
        }
        signal.TrySetResult();
    }

    /// <summary>Waits until some incident changed, then returns the ids and forgets them.</summary>
    public async Task<IReadOnlyCollection<long>> NextAsync(CancellationToken token)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_changed.Count > 0)
                {
                    var changed = _changed;
                    _changed = [];
                    _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    return changed.Order().ToList();
                }
                wait = _signal.Task;
            }
            await wait.WaitAsync(token);
        }
    }

    public void Dispose() => _feed.Unwatch(this);
}

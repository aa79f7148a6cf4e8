namespace Warden.Aggregator.Api;

/// <summary>
/// One watcher of a server-streamed list (hosts, incidents): the keys changed since it last looked,
/// coalesced, so a slow watcher costs a set of keys, never a growing queue of updates.
/// </summary>
public abstract class ChangeWatcher<TKey> : IDisposable
    where TKey : notnull
{
    private readonly object _gate = new();
    private HashSet<TKey> _changed = [];
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal void Mark(IEnumerable<TKey> keys)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _changed.UnionWith(keys);
            signal = _signal;
        }
        signal.TrySetResult();
    }

    /// <summary>Waits until some key changed, then returns the keys and forgets them.</summary>
    public async Task<IReadOnlyCollection<TKey>> NextAsync(CancellationToken token)
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
                    return changed;
                }
                wait = _signal.Task;
            }
            await wait.WaitAsync(token);
        }
    }

    public void Dispose()
    {
        Unsubscribe();
        GC.SuppressFinalize(this);
    }

    protected abstract void Unsubscribe();
}

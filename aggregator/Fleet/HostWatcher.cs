namespace Warden.Aggregator.Fleet;

/// <summary>One operator's subscription to host changes: the names changed since it last looked.</summary>
public sealed class HostWatcher : IDisposable
{
    private readonly HostRegistry _registry;
    private readonly object _gate = new();
    private HashSet<string> _changed = new(StringComparer.Ordinal);
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal HostWatcher(HostRegistry registry) => _registry = registry;

    internal void MarkChanged(string host)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _changed.Add(host);
            signal = _signal;
        }
        signal.TrySetResult();
    }

    /// <summary>Waits until some host changed, then returns and forgets the names.</summary>
    public async Task<IReadOnlyCollection<string>> NextAsync(CancellationToken token)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_changed.Count > 0)
                {
                    var changed = _changed;
                    _changed = new HashSet<string>(StringComparer.Ordinal);
                    _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    return changed;
                }
                wait = _signal.Task;
            }
            await wait.WaitAsync(token);
        }
    }

    public void Dispose() => _registry.Unwatch(this);
}

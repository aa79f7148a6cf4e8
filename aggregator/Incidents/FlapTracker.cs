namespace Warden.Aggregator.Incidents;

/// <summary>Counts state changes per check within a sliding window: many changes mean flapping.</summary>
public sealed class FlapTracker(TimeSpan window, int changes)
{
    private readonly Dictionary<(string Host, string Check), Queue<DateTime>> _changes = [];

    public void Changed(string host, string check, DateTime at)
    {
        if (!_changes.TryGetValue((host, check), out var times))
        {
            _changes[(host, check)] = times = new Queue<DateTime>();
        }
        times.Enqueue(at);
        Trim(times, at);
    }

    public int ChangesIn(string host, string check, DateTime now)
    {
        if (!_changes.TryGetValue((host, check), out var times))
        {
            return 0;
        }
        Trim(times, now);
        if (times.Count == 0)
        {
            _changes.Remove((host, check));
        }
        return times.Count;
    }

    /// <summary>Checks with a state change still in the window: the tracker holds nothing for any other.</summary>
    public int Tracked => _changes.Count;

    /// <summary>Forgets every check whose changes all fell out of the window, so a host or check that went away costs nothing.</summary>
    public void Forget(DateTime now)
    {
        foreach (var (key, times) in _changes)
        {
            Trim(times, now);
            if (times.Count == 0)
            {
                _changes.Remove(key);
            }
        }
    }

    public bool IsFlapping(string host, string check, DateTime now) => ChangesIn(host, check, now) >= changes;

    private void Trim(Queue<DateTime> times, DateTime now)
    {
        while (times.Count > 0 && times.Peek() <= now - window)
        {
            times.Dequeue();
        }
    }
}

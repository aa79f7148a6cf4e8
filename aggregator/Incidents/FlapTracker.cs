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

    public bool IsFlapping(string host, string check, DateTime now) => ChangesIn(host, check, now) >= changes;

    private void Trim(Queue<DateTime> times, DateTime now)
    {
        while (times.Count > 0 && times.Peek() <= now - window)
        {
            times.Dequeue();
        }
    }
}

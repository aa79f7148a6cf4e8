namespace Warden.Aggregator.Incidents;

/// <summary>
/// Which hosts did something (fired a rule, went silent) within a sliding window, per key: the
/// ground for folding many host failures into one fleet incident or a suspected partition.
/// </summary>
public sealed class HostWindow(TimeSpan window)
{
    private readonly Dictionary<string, Dictionary<string, DateTime>> _seen = new(StringComparer.Ordinal);

    /// <summary>Notes the host under the key and returns every host seen under it within the window.</summary>
    public IReadOnlyCollection<string> Add(string key, string host, DateTime at)
    {
        if (!_seen.TryGetValue(key, out var hosts))
        {
            _seen[key] = hosts = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        }
        hosts[host] = at;
        return Within(key, at);
    }

    public void Remove(string key, string host)
    {
        if (_seen.TryGetValue(key, out var hosts))
        {
            hosts.Remove(host);
        }
    }

    /// <summary>Keys with a host still in the window.</summary>
    public int Keys => _seen.Count;

    /// <summary>Forgets every host seen before the window, and every key left with none.</summary>
    public void Forget(DateTime now)
    {
        foreach (var key in _seen.Keys.ToList())
        {
            Within(key, now);
        }
    }

    public IReadOnlyCollection<string> Within(string key, DateTime now)
    {
        if (!_seen.TryGetValue(key, out var hosts))
        {
            return [];
        }
        foreach (var old in hosts.Where(h => h.Value <= now - window).Select(h => h.Key).ToList())
        {
            hosts.Remove(old);
        }
        if (hosts.Count == 0)
        {
            _seen.Remove(key);
            return [];
        }
        return hosts.Keys.Order(StringComparer.Ordinal).ToList();
    }
}

namespace Warden.Tui.Model;

/// <summary>
/// What a watch stream (a snapshot, then upserts) has delivered, by key. A snapshot arriving after a
/// reconnect replaces the set only at its end, so items removed while we were away disappear and the
/// old set stays on screen until the new one is complete. Single-threaded.
/// </summary>
internal sealed class LiveSet<TKey, TItem>(TimeProvider time, Func<TItem, TKey> key)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TItem> _items = [];
    private readonly Dictionary<TKey, TItem> _pending = [];

    public FeedTracker Feed { get; } = new(time);

    public IReadOnlyCollection<TItem> Items => _items.Values;

    public int Count => _items.Count;

    /// <summary>True while what is shown may be out of date: the stream dropped after data arrived.</summary>
    public bool IsStale => Feed.Status == FeedStatus.Reconnecting && _items.Count > 0;

    public TItem? Find(TKey id) => _items.GetValueOrDefault(id);

    /// <summary>True when the item is visible at once (live); false while a snapshot is still arriving.</summary>
    public bool Upsert(TItem item)
    {
        (Feed.Status == FeedStatus.Live ? _items : _pending)[key(item)] = item;
        return Feed.Status == FeedStatus.Live;
    }

    public void SnapshotEnded(DateTimeOffset serverTime)
    {
        _items.Clear();
        foreach (KeyValuePair<TKey, TItem> entry in _pending)
        {
            _items[entry.Key] = entry.Value;
        }

        _pending.Clear();
        Feed.SnapshotEnded(serverTime);
    }

    public void ConnectionLost(string reason, TimeSpan retryIn)
    {
        _pending.Clear();
        Feed.ConnectionLost(reason, retryIn);
    }
}

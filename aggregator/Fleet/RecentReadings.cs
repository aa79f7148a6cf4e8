using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Warden.Aggregator.Configuration;
using Warden.Proto.V1;

namespace Warden.Aggregator.Fleet;

/// <summary>
/// Per host, a queue of compact batches: reading names are shared (a batch with the same readings
/// as the one before shares its array of names), values are plain numbers, so a 5,000-host fleet's
/// window costs about 30 bytes per reading, not a protobuf object graph. Bounded three ways: by age
/// and count per host, by forgetting hosts not heard for a whole window, and by a cap on the
/// interned reading names (subjects come and go with services and VMs).
/// </summary>
public sealed class RecentReadings(AggregatorOptions options) : IRecentReadings
{
    /// <summary>Distinct (name, subject) pairs interned before the table starts over.</summary>
    public const int MaxInternedKeys = 65_536;

    /// <summary>Every this many batches added, hosts not heard for a whole window are forgotten.</summary>
    public const int SweepEvery = 4096;

    private readonly ConcurrentDictionary<string, HostWindow> _hosts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, string Subject), ReadingKey> _keys = new();
    private readonly long _windowTicks = TimeSpan.FromMinutes(options.RecentReadings.WindowMinutes).Ticks;
    private readonly int _maxBatches = options.RecentReadings.MaxBatchesPerHost;
    private long _added;

    /// <summary>Hosts with a window held now.</summary>
    public int HostCount => _hosts.Count;

    /// <summary>Reading names interned now (at most <see cref="MaxInternedKeys"/>).</summary>
    public int InternedKeys => _keys.Count;

    public void Add(string host, SampleBatch batch, DateTimeOffset receivedAt)
    {
        var end = (batch.WindowEnd?.ToDateTimeOffset() ?? receivedAt).UtcTicks;
        var start = (batch.WindowStart?.ToDateTimeOffset() ?? receivedAt).UtcTicks;
        while (!Put(host, batch, start, end, receivedAt.UtcTicks))
        {
            // The window was forgotten between finding and locking it: take a fresh one.
        }
        if (Interlocked.Increment(ref _added) % SweepEvery == 0)
        {
            ForgetQuiet(receivedAt);
        }
    }

    /// <summary>
    /// Copies the batch into the host's window. In the steady state this allocates one small object:
    /// the names and counts are the newest batch's arrays when they match, and the values go into
    /// the array of the batch that just aged out, so nothing of middle age is left for the GC.
    /// </summary>
    private bool Put(string host, SampleBatch batch, long start, long end, long heardTicks)
    {
        var window = _hosts.GetOrAdd(host, _ => new HostWindow());
        lock (window)
        {
            if (window.Forgotten)
            {
                return false;
            }
            var readings = batch.Readings;
            var newest = window.Newest;
            var keys = newest?.Keys.Length == readings.Count ? newest.Keys : new ReadingKey[readings.Count];
            var counts = newest?.Counts.Length == readings.Count ? newest.Counts : new uint[readings.Count];
            var values = window.TakeSpare(readings.Count * 3);
            for (var i = 0; i < readings.Count; i++)
            {
                var r = readings[i];
                var key = keys[i] is { } held && held.Name == r.Name && held.Subject == r.Subject ? held : Intern(r.Name, r.Subject);
                keys = Set(keys, newest?.Keys, i, key);
                counts = Set(counts, newest?.Counts, i, r.Count);
                (values[3 * i], values[(3 * i) + 1], values[(3 * i) + 2]) = (r.Last, r.Min, r.Max);
            }
            window.Add(new CompactBatch(batch.Sequence, start, end, keys, values, counts), _maxBatches, _windowTicks);
            window.HeardTicks = Math.Max(window.HeardTicks, heardTicks);
            return true;
        }
    }

    /// <summary>Sets items[i], copying first when items is still the newest batch's shared array and the item differs.</summary>
    private static T[] Set<T>(T[] items, T[]? shared, int i, T item)
    {
        if (EqualityComparer<T>.Default.Equals(items[i], item))
        {
            return items;
        }
        if (ReferenceEquals(items, shared))
        {
            items = (T[])items.Clone();
        }
        items[i] = item;
        return items;
    }

    /// <summary>Forgets the windows of hosts heard nothing from since a whole window before <paramref name="now"/>.</summary>
    public void ForgetQuiet(DateTimeOffset now)
    {
        var before = now.UtcTicks - _windowTicks;
        foreach (var (host, window) in _hosts)
        {
            lock (window)
            {
                if (window.HeardTicks < before)
                {
                    window.Forgotten = true;
                    _hosts.TryRemove(new KeyValuePair<string, HostWindow>(host, window));
                }
            }
        }
    }

    public IReadOnlyList<SampleBatch> Around(string host, DateTimeOffset at, TimeSpan span)
    {
        var from = (at - span).UtcTicks;
        var to = (at + span).UtcTicks;
        return Select(host, b => b.EndTicks >= from && b.StartTicks <= to);
    }

    public IReadOnlyList<SampleBatch> Recent(string host) => Select(host, _ => true);

    private ReadingKey Intern(string name, string subject)
    {
        if (_keys.TryGetValue((name, subject), out var key))
        {
            return key;
        }
        if (_keys.Count >= MaxInternedKeys)
        {
            // Batches already held keep their keys; only sharing with them is lost until they age out.
            _keys.Clear();
        }
        return _keys.GetOrAdd((name, subject), k => new ReadingKey(k.Name, k.Subject));
    }

    private List<SampleBatch> Select(string host, Func<CompactBatch, bool> wanted)
    {
        if (!_hosts.TryGetValue(host, out var window))
        {
            return [];
        }
        lock (window)
        {
            return window.Batches.Where(wanted).Select(ToBatch).ToList();
        }
    }

    private static SampleBatch ToBatch(CompactBatch b)
    {
        var batch = new SampleBatch
        {
            Sequence = b.Sequence,
            WindowStart = Timestamp.FromDateTimeOffset(new DateTimeOffset(b.StartTicks, TimeSpan.Zero)),
            WindowEnd = Timestamp.FromDateTimeOffset(new DateTimeOffset(b.EndTicks, TimeSpan.Zero)),
        };
        for (var i = 0; i < b.Keys.Length; i++)
        {
            batch.Readings.Add(new Reading
            {
                Name = b.Keys[i].Name, Subject = b.Keys[i].Subject, Last = b.Values[3 * i], Min = b.Values[(3 * i) + 1], Max = b.Values[(3 * i) + 2], Count = b.Counts[i],
            });
        }
        return batch;
    }

    private sealed class HostWindow
    {
        // Ordered by window end; a late resend is placed where it belongs.
        public List<CompactBatch> Batches { get; } = [];

        /// <summary>When the aggregator last heard the host (ticks of its own clock).</summary>
        public long HeardTicks { get; set; } = long.MinValue;

        public bool Forgotten { get; set; }

        private double[]? _spare;

        public CompactBatch? Newest => Batches.Count > 0 ? Batches[^1] : null;

        /// <summary>The values array of the batch that aged out last, when it has the length wanted; else a new one.</summary>
        public double[] TakeSpare(int length)
        {
            var spare = _spare?.Length == length ? _spare : new double[length];
            _spare = null;
            return spare;
        }

        public void Add(CompactBatch batch, int maxBatches, long windowTicks)
        {
            var at = Batches.Count;
            while (at > 0 && Batches[at - 1].EndTicks > batch.EndTicks)
            {
                at--;
            }
            Batches.Insert(at, batch);
            var newest = Batches[^1].EndTicks;
            var drop = 0;
            while (drop < Batches.Count && (Batches.Count - drop > maxBatches || Batches[drop].EndTicks < newest - windowTicks))
            {
                drop++;
            }
            if (drop > 0)
            {
                _spare = Batches[drop - 1].Values;
            }
            Batches.RemoveRange(0, drop);
        }
    }

    private sealed record ReadingKey(string Name, string Subject);

    // Values holds last, min, max of each reading in turn.
    private sealed record CompactBatch(ulong Sequence, long StartTicks, long EndTicks, ReadingKey[] Keys, double[] Values, uint[] Counts);
}

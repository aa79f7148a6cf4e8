using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Warden.Aggregator.Configuration;
using Warden.Proto.V1;

namespace Warden.Aggregator.Fleet;

/// <summary>
/// Per host, a queue of compact batches: reading names are shared, values are plain numbers, so a
/// 5,000-host fleet's window costs tens of bytes per reading, not a protobuf object graph.
/// </summary>
public sealed class RecentReadings(AggregatorOptions options) : IRecentReadings
{
    private readonly ConcurrentDictionary<string, HostWindow> _hosts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, string Subject), ReadingKey> _keys = new();
    private readonly long _windowTicks = TimeSpan.FromMinutes(options.RecentReadings.WindowMinutes).Ticks;
    private readonly int _maxBatches = options.RecentReadings.MaxBatchesPerHost;

    public void Add(string host, SampleBatch batch, DateTimeOffset receivedAt)
    {
        var readings = new CompactReading[batch.Readings.Count];
        for (var i = 0; i < readings.Length; i++)
        {
            var r = batch.Readings[i];
            var key = _keys.GetOrAdd((r.Name, r.Subject), k => new ReadingKey(k.Name, k.Subject));
            readings[i] = new CompactReading(key, r.Last, r.Min, r.Max, r.Count);
        }
        var end = (batch.WindowEnd?.ToDateTimeOffset() ?? receivedAt).UtcTicks;
        var start = (batch.WindowStart?.ToDateTimeOffset() ?? receivedAt).UtcTicks;
        var window = _hosts.GetOrAdd(host, _ => new HostWindow());
        lock (window)
        {
            window.Add(new CompactBatch(batch.Sequence, start, end, readings), _maxBatches, _windowTicks);
        }
    }

    public IReadOnlyList<SampleBatch> Around(string host, DateTimeOffset at, TimeSpan span)
    {
        var from = (at - span).UtcTicks;
        var to = (at + span).UtcTicks;
        return Select(host, b => b.EndTicks >= from && b.StartTicks <= to);
    }

    public IReadOnlyList<SampleBatch> Recent(string host) => Select(host, _ => true);

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
        foreach (var r in b.Readings)
        {
            batch.Readings.Add(new Reading { Name = r.Key.Name, Subject = r.Key.Subject, Last = r.Last, Min = r.Min, Max = r.Max, Count = r.Count });
        }
        return batch;
    }

    private sealed class HostWindow
    {
        // Ordered by window end; a late resend is placed where it belongs.
        public List<CompactBatch> Batches { get; } = [];

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
            Batches.RemoveRange(0, drop);
        }
    }

    private sealed record ReadingKey(string Name, string Subject);

    private readonly record struct CompactReading(ReadingKey Key, double Last, double Min, double Max, uint Count);

    private sealed record CompactBatch(ulong Sequence, long StartTicks, long EndTicks, CompactReading[] Readings);
}

using Warden.Aggregator.Configuration;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Incidents;
using Warden.Aggregator.Tests.Ingest;
using Warden.Proto.V1;

namespace Warden.Aggregator.Tests.Incidents;

public sealed class ReadingWindowTests
{
    private static readonly DateTimeOffset T0 = IngestPipeline.T0;

    [Fact]
    public void With_the_recent_window_given_it_reads_the_last_three_batches_from_there_and_keeps_no_copy()
    {
        var recent = new RecentReadings(new AggregatorOptions());
        var window = new ReadingWindow(recent);
        for (var i = 1; i <= 5; i++)
        {
            var batch = Batch((ulong)i, T0.AddSeconds(10 * i), diskUsed: 80 + i);
            recent.Add("web-01", batch, T0.AddSeconds(10 * i));
            window.Add("web-01", batch, T0.AddSeconds(10 * i).UtcDateTime);
        }
        window.Add("web-02", Batch(1, T0, diskUsed: 10), T0.UtcDateTime); // only in the engine's feed: not kept

        var evidence = window.Around("web-01", "disk_space:/var", max: 64);

        // Newest first: batches 5, 4, 3, each with its /var reading and its score.
        Assert.Equal([85.0, 100, 84, 100, 83, 100], evidence.Select(r => r.Last));
        Assert.Equal(T0.AddSeconds(50).UtcDateTime, evidence[0].At);
        Assert.Empty(window.Around("web-02", "disk_space:/var", max: 64));
    }

    [Fact]
    public void Without_a_recent_window_it_keeps_the_last_three_batches_itself()
    {
        var window = new ReadingWindow();
        for (var i = 1; i <= 5; i++)
        {
            window.Add("web-01", Batch((ulong)i, T0.AddSeconds(10 * i), diskUsed: 80 + i), T0.AddSeconds(10 * i).UtcDateTime);
        }
        Assert.Equal([85.0, 84, 83], window.Around("web-01", "disk_space:/var", max: 64).Where(r => r.Subject == "/var").Select(r => r.Last));
    }

    private static SampleBatch Batch(ulong sequence, DateTimeOffset end, double diskUsed)
    {
        var batch = IngestPipeline.Batch(sequence, 5, end);
        batch.Readings.Add(new Reading { Name = "disk.used_pct", Subject = "/var", Last = diskUsed, Min = diskUsed, Max = diskUsed, Count = 1 });
        batch.Readings.Add(new Reading { Name = "score.storage", Last = 100, Min = 100, Max = 100, Count = 1 });
        return batch;
    }
}

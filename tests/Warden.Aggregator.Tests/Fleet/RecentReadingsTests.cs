using Warden.Aggregator.Configuration;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Tests.Ingest;

namespace Warden.Aggregator.Tests.Fleet;

public sealed class RecentReadingsTests
{
    private static readonly DateTimeOffset T0 = IngestPipeline.T0;

    [Fact]
    public void Around_returns_the_batches_whose_window_overlaps_the_span_oldest_first()
    {
        var recent = new RecentReadings(new AggregatorOptions());
        for (var i = 1; i <= 10; i++)
        {
            recent.Add("web-01", IngestPipeline.Batch((ulong)i, i, T0.AddSeconds(10 * i)), T0);
        }
        // Windows are (10i-10, 10i]; at 45 s +- 10 s overlaps the windows ending at 40, 50 and 60 s.
        var around = recent.Around("web-01", T0.AddSeconds(45), TimeSpan.FromSeconds(10));
        Assert.Equal([4UL, 5UL, 6UL], around.Select(b => b.Sequence));
        Assert.Equal(5, around[1].Readings.Single().Last);
        Assert.Empty(recent.Around("web-02", T0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void The_window_is_bounded_by_age_and_by_count()
    {
        var recent = new RecentReadings(new AggregatorOptions { RecentReadings = { WindowMinutes = 1, MaxBatchesPerHost = 4 } });
        for (var i = 1; i <= 20; i++)
        {
            recent.Add("web-01", IngestPipeline.Batch((ulong)i, i, T0.AddSeconds(30 * i)), T0);
        }
        Assert.Equal([18UL, 19UL, 20UL], recent.Recent("web-01").Select(b => b.Sequence)); // the last minute

        for (var i = 21; i <= 30; i++)
        {
            recent.Add("web-01", IngestPipeline.Batch((ulong)i, i, T0.AddSeconds(600 + i)), T0);
        }
        Assert.Equal([27UL, 28UL, 29UL, 30UL], recent.Recent("web-01").Select(b => b.Sequence));
    }

    [Fact]
    public void A_late_resend_takes_its_place_by_time()
    {
        var recent = new RecentReadings(new AggregatorOptions());
        recent.Add("web-01", IngestPipeline.Batch(2, 2, T0.AddSeconds(20)), T0);
        recent.Add("web-01", IngestPipeline.Batch(1, 1, T0.AddSeconds(10)), T0);
        Assert.Equal([1UL, 2UL], recent.Recent("web-01").Select(b => b.Sequence));
    }
}

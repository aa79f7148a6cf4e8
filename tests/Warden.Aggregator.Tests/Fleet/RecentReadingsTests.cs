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

    [Fact]
    public void A_host_not_heard_for_a_whole_window_is_forgotten_and_one_heard_is_kept()
    {
        var recent = new RecentReadings(new AggregatorOptions { RecentReadings = { WindowMinutes = 1 } });
        recent.Add("gone", IngestPipeline.Batch(1, 1, T0), T0);
        recent.Add("here", IngestPipeline.Batch(1, 1, T0), T0);
        recent.Add("here", IngestPipeline.Batch(2, 2, T0.AddSeconds(50)), T0.AddSeconds(50));

        recent.ForgetQuiet(T0.AddSeconds(60)); // exactly a window: both still in it
        Assert.Equal(2, recent.HostCount);
        recent.ForgetQuiet(T0.AddSeconds(61));
        Assert.Equal(1, recent.HostCount);
        Assert.Empty(recent.Recent("gone"));
        Assert.Equal([1UL, 2UL], recent.Recent("here").Select(b => b.Sequence));

        recent.Add("gone", IngestPipeline.Batch(7, 7, T0.AddSeconds(70)), T0.AddSeconds(70));
        Assert.Equal([7UL], recent.Recent("gone").Select(b => b.Sequence)); // back: a fresh window
    }

    [Fact]
    public void Adding_sweeps_quiet_hosts_without_being_asked()
    {
        var recent = new RecentReadings(new AggregatorOptions { RecentReadings = { WindowMinutes = 1 } });
        for (var i = 0; i < RecentReadings.SweepEvery - 1; i++)
        {
            recent.Add($"old-{i % 100}", IngestPipeline.Batch((ulong)i + 1, i, T0), T0);
        }
        Assert.Equal(100, recent.HostCount);
        var later = T0.AddMinutes(5);
        recent.Add("new", IngestPipeline.Batch(1, 1, later), later); // the SweepEvery-th batch
        Assert.Equal(1, recent.HostCount);
    }

    [Fact]
    public void Interned_reading_names_are_capped_while_every_batch_keeps_its_own_names()
    {
        var recent = new RecentReadings(new AggregatorOptions { RecentReadings = { WindowMinutes = 24 * 60, MaxBatchesPerHost = 1000 } });
        var subjects = RecentReadings.MaxInternedKeys + 10;
        for (var i = 0; i < subjects; i++)
        {
            var batch = IngestPipeline.Batch((ulong)i + 1, i, T0.AddSeconds(i));
            batch.Readings[0].Subject = $"/system.slice/unit-{i}.service";
            recent.Add($"host-{i % 500}", batch, T0.AddSeconds(i));
        }
        Assert.InRange(recent.InternedKeys, 1, RecentReadings.MaxInternedKeys);
        var first = recent.Recent("host-0")[0].Readings.Single();
        Assert.Equal(("/system.slice/unit-0.service", 0.0), (first.Subject, first.Last));
    }

    [Fact]
    public void Each_batch_returns_its_own_readings_when_the_set_changes_from_one_to_the_next()
    {
        var recent = new RecentReadings(new AggregatorOptions());
        var one = IngestPipeline.Batch(1, 5, T0.AddSeconds(10));
        var two = IngestPipeline.Batch(2, 6, T0.AddSeconds(20));
        two.Readings.Add(new Proto.V1.Reading { Name = "mem.used_pct", Last = 40, Min = 30, Max = 50, Count = 7 });
        var three = IngestPipeline.Batch(3, 7, T0.AddSeconds(30));
        foreach (var batch in new[] { one, two, three })
        {
            recent.Add("web-01", batch, T0);
        }
        Assert.Equal([one, two, three], recent.Recent("web-01"));
    }
}

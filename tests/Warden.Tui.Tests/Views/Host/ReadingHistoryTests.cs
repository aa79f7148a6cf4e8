using Warden.Proto.V1;
using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Views.Host;

namespace Warden.Tui.Tests.Views.Host;

public sealed class ReadingHistoryTests
{
    [Fact]
    public void GetHosts_window_seeds_the_series_and_each_new_feed_batch_adds_a_point()
    {
        var history = new ReadingHistory();
        history.Reset([Batch(("cpu.busy_pct", 10)), Batch(("cpu.busy_pct", 30))]);

        // The feed repeats the latest batch when only events arrived: no new point.
        Assert.False(history.Append(Batch(("cpu.busy_pct", 30)).Readings));
        Assert.True(history.Append(Batch(("cpu.busy_pct", 20)).Readings));

        ReadingSeries cpu = Assert.Single(history.Series());
        Assert.Equal([10.0, 30.0, 20.0], cpu.Points);
        Assert.Equal((20.0, 10.0, 30.0), (cpu.Last, cpu.Min, cpu.Max));
    }

    [Fact]
    public void A_reading_absent_or_without_data_in_a_batch_is_a_missing_point()
    {
        var history = new ReadingHistory();
        SampleBatch noData = Batch(("cpu.busy_pct", 5));
        noData.Readings.Add(Hosts.Reading("mem.used_pct", 0, count: 0));
        history.Reset([Batch(("cpu.busy_pct", 1), ("mem.used_pct", 40)), noData, Batch(("cpu.busy_pct", 9))]);

        ReadingSeries mem = history.Series().Single(s => s.Name == "mem.used_pct");
        Assert.Equal([40.0, null, null], mem.Points);
        Assert.Null(mem.Last);
        Assert.Equal((40.0, 40.0), (mem.Min, mem.Max));
    }

    [Fact]
    public void Only_the_newest_batches_are_kept_and_a_reading_leaves_with_the_last_batch_that_had_it()
    {
        var history = new ReadingHistory(capacity: 3);
        history.Reset([Batch(("gone", 1), ("cpu.busy_pct", 1)), Batch(("cpu.busy_pct", 2)), Batch(("cpu.busy_pct", 3))]);
        Assert.Equal(2, history.Series().Count);

        history.Append(Batch(("cpu.busy_pct", 4)).Readings);

        Assert.Equal(3, history.Batches);
        ReadingSeries cpu = Assert.Single(history.Series());
        Assert.Equal([2.0, 3.0, 4.0], cpu.Points);
    }

    [Fact]
    public void A_new_window_from_GetHost_replaces_what_was_kept()
    {
        var history = new ReadingHistory();
        history.Reset([Batch(("old", 1))]);
        history.Reset([Batch(("cpu.busy_pct", 7))]);
        Assert.Equal("cpu.busy_pct", Assert.Single(history.Series()).Name);
    }

    private static SampleBatch Batch(params (string Name, double Value)[] readings)
    {
        var batch = new SampleBatch();
        batch.Readings.Add(readings.Select(r => Hosts.Reading(r.Name, r.Value)));
        return batch;
    }
}

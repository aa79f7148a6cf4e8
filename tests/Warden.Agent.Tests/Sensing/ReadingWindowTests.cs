using Warden.Agent.Sensing;

namespace Warden.Agent.Tests.Sensing;

public class ReadingWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Summarises_last_min_max_and_count_and_leaves_out_readings_without_data()
    {
        var window = new ReadingWindow(T0);
        var readings = new HostReadings();
        foreach (var load in new[] { 0.5, 2.5, 1.0 })
        {
            readings.Clear();
            readings[ReadingId.Load1] = load;
            window.Add(readings);
        }

        var batch = window.ToBatch(T0.AddSeconds(10));

        var reading = Assert.Single(batch.Readings);
        Assert.Equal("load.1", reading.Name);
        Assert.Equal((1.0, 0.5, 2.5, 3u), (reading.Last, reading.Min, reading.Max, reading.Count));
        Assert.Equal(T0, batch.WindowStart.ToDateTimeOffset());
        Assert.Equal(T0.AddSeconds(10), batch.WindowEnd.ToDateTimeOffset());
    }

    [Fact]
    public void Reset_starts_an_empty_window()
    {
        var window = new ReadingWindow(T0);
        var readings = new HostReadings();
        readings[ReadingId.CpuBusyPct] = 50;
        window.Add(readings);
        window.Reset(T0.AddSeconds(10));
        Assert.Empty(window.ToBatch(T0.AddSeconds(20)).Readings);
    }
}

extern alias fleetsim;

using fleetsim::Warden.FleetSim;

namespace Warden.Aggregator.Tests.Scenarios;

/// <summary>The simulator's readings: the base set, and extras as more filesystems (the ingest benchmark's bigger batches).</summary>
public class ReadingModelTests
{
    private static readonly Dictionary<string, double> Healthy = [];

    [Fact]
    public void A_batch_has_the_base_readings_each_once()
    {
        var readings = new ReadingModel(seed: 7, cpus: 4).Next(Healthy);

        Assert.Equal(ReadingModel.BaseReadings, readings.Count);
        Assert.Equal(readings.Count, readings.Select(r => (r.Name, r.Subject)).Distinct().Count());
        Assert.Contains(readings, r => r.Name == "score.host" && r.Last == 100);
    }

    [Fact]
    public void Extra_readings_are_more_filesystems_each_reading_once_and_they_wander_within_0_and_100()
    {
        var model = new ReadingModel(seed: 7, cpus: 4, extraReadings: 89);
        var first = model.Next(Healthy);
        var later = Enumerable.Range(0, 50).Select(_ => model.Next(Healthy)).Last();

        Assert.Equal(110, first.Count);
        Assert.Equal(110, first.Select(r => (r.Name, r.Subject)).Distinct().Count());
        // "/" and "/var", then /data0../data22: 89 extras, four readings a filesystem.
        Assert.Equal(2 + 23, first.Where(r => r.Name == "disk.used_pct").Select(r => r.Subject).Distinct().Count());
        Assert.All(later.Where(r => r.Subject.StartsWith("/data", StringComparison.Ordinal)), r => Assert.InRange(r.Last, 0, 100));
        Assert.NotEqual(first.Where(r => r.Subject == "/data0").Select(r => r.Last), later.Where(r => r.Subject == "/data0").Select(r => r.Last));
    }
}

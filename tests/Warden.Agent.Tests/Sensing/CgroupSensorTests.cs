using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Cgroups;
using Warden.Agent.Checks;
using Warden.Agent.Sensing;
using Warden.Proto.V1;

namespace Warden.Agent.Tests.Sensing;

/// <summary>Per service and per VM scope cgroup readings, on copies of the two real fixture hosts.</summary>
public class CgroupSensorTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_v2_service_reports_memory_oom_events_and_pressure_at_once_and_cpu_from_the_second_window()
    {
        using var host = TestTrees.CopyOfHost(TestTrees.Cgroup2Host);
        var sensor = Sensor(host.Path);
        var first = Readings(sensor, "system.slice/app.service");

        Assert.Equal(9682944, first["cgroup.mem_bytes"]);
        Assert.False(first.ContainsKey("cgroup.mem_limit_bytes")); // memory.max is "max"
        Assert.True(first.ContainsKey("cgroup.oom_kills_total")); // memory.events
        Assert.InRange(first["cgroup.pressure_memory_pct"], 0, 100);
        Assert.False(first.ContainsKey("cgroup.cpu_pct")); // a rate needs two reads

        var stat = Path.Combine(host.Path, "cgroup", "system.slice", "app.service", "cpu.stat");
        File.WriteAllText(stat, File.ReadAllText(stat).Replace("usage_usec 188865", "usage_usec 2188865", StringComparison.Ordinal));
        _time.Advance(TimeSpan.FromSeconds(10));
        var second = Readings(sensor, "system.slice/app.service");

        Assert.Equal(20, second["cgroup.cpu_pct"], 6); // 2 s of CPU in 10 s
    }

    [Fact]
    public void A_hybrid_v1_service_reports_its_memory_and_limit()
    {
        using var host = TestTrees.CopyOfHost(TestTrees.Cgroup1Host);
        var readings = Readings(Sensor(host.Path), "system.slice/app.service");

        var memory = File.ReadAllText(Path.Combine(host.Path, "cgroup", "memory", "system.slice", "app.service", "memory.usage_in_bytes"));
        Assert.Equal(double.Parse(memory, System.Globalization.CultureInfo.InvariantCulture), readings["cgroup.mem_bytes"]);
        Assert.True(readings.ContainsKey("cgroup.oom_kills_total") || readings.ContainsKey("cgroup.ooms_total"));
    }

    [Fact]
    public void A_service_that_stops_is_dropped_and_starts_afresh_when_it_returns()
    {
        using var host = TestTrees.CopyOfHost(TestTrees.Cgroup2Host);
        var sensor = Sensor(host.Path);
        Readings(sensor, "system.slice/app.service");
        var dir = Path.Combine(host.Path, "cgroup", "system.slice", "app.service");
        Directory.Move(dir, dir + ".gone");
        var batch = new SampleBatch();
        sensor.AddTo(batch);
        Assert.DoesNotContain(batch.Readings, r => r.Subject == "system.slice/app.service");

        Directory.Move(dir + ".gone", dir);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(Readings(sensor, "system.slice/app.service").ContainsKey("cgroup.cpu_pct")); // no rate across the gap
    }

    private CgroupSensor Sensor(string hostDirectory) =>
        new(new CgroupStatsReader(CgroupHierarchy.Open(HostPaths.Fixture(hostDirectory))), _time);

    private static Dictionary<string, double> Readings(CgroupSensor sensor, string subject)
    {
        var batch = new SampleBatch();
        sensor.AddTo(batch);
        Assert.All(batch.Readings, r => Assert.Equal(1u, r.Count));
        return batch.Readings.Where(r => r.Subject == subject).ToDictionary(r => r.Name, r => r.Last);
    }
}

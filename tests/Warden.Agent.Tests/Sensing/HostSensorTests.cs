using Warden.Agent.Sensing;

namespace Warden.Agent.Tests.Sensing;

public class HostSensorTests
{
    [Fact]
    public void Reads_a_fixture_host_and_takes_cpu_shares_between_passes()
    {
        using var proc = TestTrees.CopyOfProc(TestTrees.Cgroup1Host);
        using var sensor = new HostSensor(proc.Path);
        var readings = new HostReadings();

        sensor.Sense(readings);
        Assert.True(double.IsNaN(readings[ReadingId.CpuBusyPct])); // one pass has no interval yet
        Assert.Equal(24684092.0 * 1024, readings[ReadingId.MemTotalBytes]);
        Assert.Equal(1.57, readings[ReadingId.Load1]);
        Assert.Equal(1.57 / 2, readings[ReadingId.LoadPerCore]);
        Assert.Null(sensor.LastProblem);

        // Advance the aggregate line: +30 user, +10 idle, +10 iowait over 50 ticks.
        var stat = File.ReadAllText(proc.File("stat"))
            .Replace("cpu  25891 0 7535 48186 642 0 103 432 0 0", "cpu  25921 0 7535 48196 652 0 103 432 0 0", StringComparison.Ordinal);
        File.WriteAllText(proc.File("stat"), stat);

        sensor.Sense(readings);
        Assert.Equal(60.0, readings[ReadingId.CpuBusyPct], 6);
        Assert.Equal(20.0, readings[ReadingId.CpuIowaitPct], 6);
    }

    [Fact]
    public void Missing_and_garbled_files_are_no_data_and_named()
    {
        using var proc = TestTrees.CopyOfProc(TestTrees.Cgroup2Host);
        File.Delete(proc.File("loadavg"));
        File.WriteAllText(proc.File("meminfo"), "this is not meminfo\n");
        using var sensor = new HostSensor(proc.Path);
        var readings = new HostReadings();

        sensor.Sense(readings);

        Assert.True(double.IsNaN(readings[ReadingId.Load1]));
        Assert.True(double.IsNaN(readings[ReadingId.MemTotalBytes]));
        Assert.Contains("loadavg", sensor.LastProblem, StringComparison.Ordinal);
        Assert.Contains("meminfo", sensor.LastProblem, StringComparison.Ordinal);
        Assert.Equal(16, sensor.OnlineCpus);
    }

    [Fact]
    public void Senses_this_machine()
    {
        using var sensor = new HostSensor("/proc");
        var readings = new HostReadings();
        sensor.Sense(readings);
        sensor.Sense(readings);
        Assert.Null(sensor.LastProblem);
        Assert.Equal(Environment.ProcessorCount, sensor.OnlineCpus);
        Assert.InRange(readings[ReadingId.MemUsedPct], 0, 100);
        Assert.True(readings[ReadingId.Load1] >= 0);
    }
}

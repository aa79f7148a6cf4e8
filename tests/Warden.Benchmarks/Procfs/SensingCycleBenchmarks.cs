using BenchmarkDotNet.Attributes;
using Warden.Agent.Procfs;
using Warden.Agent.Sensing;

namespace Warden.Benchmarks.Procfs;

/// <summary>
/// One sensing pass over this machine's live /proc (stat, meminfo, loadavg), against the obvious
/// way of doing it (File.ReadAllText and string.Split) measured in the same run as the baseline.
/// Targets: well under 1 ms per pass and zero bytes allocated once warm.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SensingCycleBenchmarks
{
    private HostSensor _sensor = null!;
    private readonly HostReadings _readings = new();

    [GlobalSetup]
    public void Setup()
    {
        _sensor = new HostSensor("/proc");
        _sensor.Sense(_readings);
    }

    [GlobalCleanup]
    public void Cleanup() => _sensor.Dispose();

    [Benchmark(Baseline = true)]
    public double NaiveStringParsing()
    {
        var cpu = File.ReadAllText("/proc/stat").Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var mem = File.ReadAllLines("/proc/meminfo").First(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        var load = File.ReadAllText("/proc/loadavg").Split(' ');
        return double.Parse(cpu[1], System.Globalization.CultureInfo.InvariantCulture)
            + mem.Length
            + double.Parse(load[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Benchmark]
    public double HostSensorPass()
    {
        _sensor.Sense(_readings);
        return _readings[ReadingId.Load1];
    }
}

/// <summary>The parsers alone, over the 16-CPU fixture host's files (no I/O).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ParserBenchmarks
{
    private byte[] _stat = [];
    private byte[] _meminfo = [];
    private byte[] _loadavg = [];

    [GlobalSetup]
    public void Setup()
    {
        var proc = FixtureProc();
        _stat = File.ReadAllBytes(Path.Combine(proc, "stat"));
        _meminfo = File.ReadAllBytes(Path.Combine(proc, "meminfo"));
        _loadavg = File.ReadAllBytes(Path.Combine(proc, "loadavg"));
    }

    [Benchmark]
    public bool ProcStat() => ProcStatParser.TryParse(_stat, out _);

    [Benchmark]
    public bool Meminfo() => MeminfoParser.TryParse(_meminfo, out _);

    [Benchmark]
    public bool LoadAvg() => LoadAvgParser.TryParse(_loadavg, out _);

    private static string FixtureProc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "hosts", "cgroup2-16cpu", "proc");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/fixtures/hosts/cgroup2-16cpu/proc");
    }
}

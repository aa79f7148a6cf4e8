using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Logging.Abstractions;
using Warden.Agent.Checks;
using Warden.Agent.Configuration;
using Warden.Agent.Sensing;

namespace Warden.Benchmarks.Procfs;

/// <summary>
/// One full collection cycle on this machine's live /proc, /sys and cgroups: the host sensor pass
/// plus every default check evaluated once (system, storage, network, VM; no probes or plugins are
/// configured by default). Target: under 1 ms of CPU and no allocation once warm. The sensor pass
/// alone is the baseline, measured in the same run. "Allocated" is BenchmarkDotNet's process-wide figure;
/// "Cycle thread alloc" is what the cycle's own thread allocated (<see cref="ThreadAllocatedColumn"/>).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(Config))]
public class FullCycleBenchmarks
{
    private long _threadBytes, _operations;
    private string _benchmark = "";

    private HostSensor _sensor = null!;
    private CheckRunner _runner = null!;
    private readonly HostReadings _readings = new();

    [GlobalSetup]
    public void Setup()
    {
        var options = new AgentOptions();
        _sensor = new HostSensor(options.ProcRoot);
        _runner = new CheckRunner(CheckCatalog.Create(options, TimeProvider.System), TimeProvider.System, NullLogger.Instance);
        for (var i = 0; i < 3; i++)
        {
            _sensor.Sense(_readings);
            _runner.EvaluateAllOnceAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        (_threadBytes, _operations) = (0, 0);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // Setup and Cleanup run once per benchmark method: the totals are that method's ops only.
        if (_operations > 0)
        {
            ThreadAllocatedColumn.Save(_benchmark, _threadBytes, _operations);
        }
        _runner.Dispose();
        _sensor.Dispose();
    }

    [Benchmark(Baseline = true)]
    public double SensorPass()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        _sensor.Sense(_readings);
        Count(nameof(SensorPass), before);
        return _readings[ReadingId.Load1];
    }

    /// <summary>What the agent does each cycle: the sensor pass, then each check evaluated as its own loop does.</summary>
    [Benchmark]
    public int FullCycle()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        _sensor.Sense(_readings);
        // Indexed: a foreach over the IReadOnlyList would box its enumerator, which the agent never does.
        var checks = _runner.Checks;
        for (var i = 0; i < checks.Count; i++)
        {
            _runner.EvaluateAsync(checks[i], CancellationToken.None).GetAwaiter().GetResult();
        }
        Count(nameof(FullCycle), before);
        return _runner.Checks.Count;
    }

    private void Count(string benchmark, long before)
    {
        _threadBytes += GC.GetAllocatedBytesForCurrentThread() - before;
        _operations++;
        _benchmark = benchmark;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThreadAllocatedColumn());
    }
}

using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Warden.Agent.Checks;
using Warden.Agent.Configuration;
using Warden.Agent.Sensing;

namespace Warden.Benchmarks.Procfs;

/// <summary>
/// One full collection cycle on this machine's live /proc, /sys and cgroups: the host sensor pass
/// plus every default check evaluated once (system, storage, network, VM; no probes or plugins are
/// configured by default). Target: under 1 ms of CPU and no allocation once warm. The sensor pass
/// alone is the baseline, measured in the same run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class FullCycleBenchmarks
{
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
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _runner.Dispose();
        _sensor.Dispose();
    }

    [Benchmark(Baseline = true)]
    public double SensorPass()
    {
        _sensor.Sense(_readings);
        return _readings[ReadingId.Load1];
    }

    /// <summary>What the agent does each cycle: the sensor pass, then each check evaluated as its own loop does.</summary>
    [Benchmark]
    public int FullCycle()
    {
        _sensor.Sense(_readings);
        // Indexed: a foreach over the IReadOnlyList would box its enumerator, which the agent never does.
        var checks = _runner.Checks;
        for (var i = 0; i < checks.Count; i++)
        {
            _runner.EvaluateAsync(checks[i], CancellationToken.None).GetAwaiter().GetResult();
        }
        return _runner.Checks.Count;
    }
}

extern alias fleetsim;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using fleetsim::Warden.FleetSim;

namespace Warden.Benchmarks.Ingest;

/// <summary>
/// Sustained ingest over real gRPC on loopback: the fleet simulator's hosts each send sample batches
/// as fast as acknowledgements allow (a window of unacknowledged ones each), to the real aggregator,
/// which acknowledges only after its group commit is durable, and to a bare sink that acknowledges at
/// once and stores nothing (the baseline, measured in the same run). One operation is one host-sample
/// (one host's sample batch), so host-samples/s = 1 / (time per operation); Ratio is durable time over
/// bare time. Targets: >= 20,000 host-samples/s and a ratio <= 2. A batch has the simulator's 21
/// readings (about what an agent with the default checks ships) or, with <see cref="ExtraReadings"/>,
/// 110 (a host with 22 more filesystems' space, inodes and IOPS).
/// </summary>
[Config(typeof(Config))]
[MedianColumn]
public class IngestBenchmarks
{
    /// <summary>In process: the servers are separate processes anyway, and a generated project took over BenchmarkDotNet's build timeout here.</summary>
    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(7)
            .WithInvocationCount(1).WithUnrollFactor(1).WithToolchain(InProcessEmitToolchain.Instance));
    }

    public const int Hosts = 200;
    public const int BatchesPerHost = 50;
    public const int Window = 32;
    private readonly string _state = Path.Combine(Path.GetTempPath(), "warden-bench-" + Guid.NewGuid().ToString("N")[..8]);
    private ServerProcess _server = null!;

    /// <summary>Readings per batch beyond the simulator's 21.</summary>
    [Params(0, 89)]
    public int ExtraReadings { get; set; }
    private FleetSimulator _fleet = null!;

    [GlobalSetup(Target = nameof(DurableAggregator))]
    public void StartAggregator() => Start("warden-aggregator", "--listen", "http://127.0.0.1:0", "--state", _state, "--metrics-listen", "",
        "--port-file", PortFile);

    [GlobalSetup(Target = nameof(BareSink))]
    public void StartSink() => Start("warden-fleetsim", "sink", "--listen", "127.0.0.1:0", "--port-file", PortFile);

    [Benchmark(Baseline = true, OperationsPerInvoke = Hosts * BatchesPerHost)]
    public Task BareSink() => _fleet.FloodAsync(BatchesPerHost, Window, CancellationToken.None);

    [Benchmark(OperationsPerInvoke = Hosts * BatchesPerHost)]
    public Task DurableAggregator() => _fleet.FloodAsync(BatchesPerHost, Window, CancellationToken.None);

    [GlobalCleanup]
    public void Stop()
    {
        _fleet.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private string PortFile => Path.Combine(_state, "address");

    private void Start(string program, params string[] args)
    {
        Directory.CreateDirectory(_state);
        _server = ServerProcess.Start(program, PortFile, args);
        _fleet = new FleetSimulator(_server.Address, Hosts, TimeSpan.FromSeconds(10), "bench", extraReadings: ExtraReadings);
        _fleet.ConnectAllAsync(CancellationToken.None).GetAwaiter().GetResult();
    }
}

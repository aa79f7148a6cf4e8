extern alias aggregator;

using aggregator::Warden.Aggregator.Storage;
using aggregator::Warden.Proto.V1;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Google.Protobuf.WellKnownTypes;

namespace Warden.Benchmarks.Storage;

/// <summary>
/// What a checkpoint costs beside the receipts of storage format 3, on a real LiteDB file: the
/// same Records sample batches (of Records hosts, ~22 readings each) stored one commit and one
/// checkpoint each (the baseline: a writer that never finds more than one record queued) versus
/// in one group commit, as the single writer does under load. One operation is one host-sample,
/// so the mean is the cost per record and Records times it is one group commit's latency.
/// </summary>
[Config(typeof(Config))]
[MedianColumn]
public class GroupCommitBenchmarks
{
    private const int Records = 512;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "warden-bench-commit-" + Guid.NewGuid().ToString("N")[..8]);
    private LiteDbSiteStore _store = null!;
    private ulong _sequence;
    private List<IngestRecord> _records = [];

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(9)
            .WithInvocationCount(1).WithUnrollFactor(1).WithToolchain(InProcessEmitToolchain.Instance));
    }

    [GlobalSetup]
    public void Setup() => _store = new LiteDbSiteStore(Path.Combine(_dir, "warden.db"));

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The records are made outside the measurement, as the streams make them before the writer.</summary>
    [IterationSetup]
    public void NextRecords()
    {
        var sequence = ++_sequence;
        var now = DateTimeOffset.UtcNow;
        _records = Enumerable.Range(0, Records).Select(h => IngestRecord.Of($"bench-{h:D4}", Batch(sequence, now), now)).ToList();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    public void CommitEachRecord()
    {
        foreach (var record in _records)
        {
            _store.StoreBatch([record]);
        }
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public void OneGroupCommit() => _store.StoreBatch(_records);

    private static SampleBatch Batch(ulong sequence, DateTimeOffset now)
    {
        var batch = new SampleBatch { Sequence = sequence, WindowStart = Timestamp.FromDateTimeOffset(now.AddSeconds(-10)), WindowEnd = Timestamp.FromDateTimeOffset(now) };
        for (var i = 0; i < 22; i++)
        {
            batch.Readings.Add(new Reading { Name = $"bench.reading_{i}", Subject = "/", Last = i * 1.5, Min = i, Max = i * 2, Count = 10 });
        }
        return batch;
    }
}

using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Warden.Agent.Configuration;
using Warden.Agent.Spool;

namespace Warden.Benchmarks.Spool;

/// <summary>
/// Spool append throughput in the steady state (each record appended, then acknowledged), per fsync
/// policy: Never is the baseline; Batch (the default) forces the disk at most every FsyncIntervalMs,
/// i.e. once per batch of records; Always once per record. Records are real sample batches of this
/// host. Records/s = 1 / the per-operation mean (one operation is one record).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SpoolAppendBenchmarks
{
    private const int RecordsPerInvoke = 100;
    private readonly Dictionary<SpoolFsync, (RecordSpool Spool, string Directory)> _spools = [];
    private byte[] _payload = [];
    private ulong _sequence;

    /// <summary>Where the segments go; /var/tmp is disk-backed where /tmp may be tmpfs.</summary>
    [Params("/var/tmp")]
    public string Root { get; set; } = "/var/tmp";

    [GlobalSetup]
    public void Setup()
    {
        foreach (var fsync in (SpoolFsync[])[SpoolFsync.Never, SpoolFsync.Batch, SpoolFsync.Always])
        {
            var directory = Path.Combine(Root, "warden-bench-spool-" + Guid.NewGuid().ToString("N")[..8]);
            _spools[fsync] = (RecordSpool.Open(directory, new SpoolOptions { Fsync = fsync, FsyncIntervalMs = 1000 }, TimeProvider.System), directory);
        }
        _payload = RealWindow.Of(senses: 10).ToByteArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (spool, directory) in _spools.Values)
        {
            spool.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RecordsPerInvoke)]
    public void FsyncNever() => AppendAndAcknowledge(_spools[SpoolFsync.Never].Spool);

    [Benchmark(OperationsPerInvoke = RecordsPerInvoke)]
    public void FsyncBatchPolicy() => AppendAndAcknowledge(_spools[SpoolFsync.Batch].Spool);

    [Benchmark(OperationsPerInvoke = RecordsPerInvoke)]
    public void FsyncPerRecord() => AppendAndAcknowledge(_spools[SpoolFsync.Always].Spool);

    private void AppendAndAcknowledge(RecordSpool spool)
    {
        var first = _sequence + 1;
        for (var i = 0; i < RecordsPerInvoke; i++)
        {
            spool.Append(++_sequence, SpoolRecordKind.Samples, _payload);
        }
        for (var s = first; s <= _sequence; s++)
        {
            spool.Acknowledge(s);
        }
    }
}

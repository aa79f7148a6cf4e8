using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Warden.Aggregator.Configuration;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Ingest;
using Warden.Aggregator.Metrics;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Tests.Ingest;

/// <summary>The ingest parts wired as the aggregator wires them, on a real LiteDB file, without the network.</summary>
internal sealed class IngestPipeline : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public IngestPipeline(ScratchDirectory dir, AggregatorOptions? options = null, params IFleetObserver[] observers)
    {
        Options = options ?? new AggregatorOptions();
        Store = new LiteDbSiteStore(dir.File("warden.db"));
        Registry = new HostRegistry(Store, Time, Options);
        Recent = new RecentReadings(Options);
        Queue = new IngestQueue(Options);
        Fanout = new CommitFanout(Registry, Recent, observers, Metrics, NullLogger<CommitFanout>.Instance);
        Writer = new IngestWriter(Queue, Store, Fanout, Metrics, Options, NullLogger<IngestWriter>.Instance);
        Liveness = new LivenessMonitor(Registry, observers, Time, Metrics, NullLogger<LivenessMonitor>.Instance, Queue);
    }

    public AggregatorOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(T0);

    public WardenMetrics Metrics { get; } = new();

    public LiteDbSiteStore Store { get; }

    public HostRegistry Registry { get; }

    public RecentReadings Recent { get; }

    public IngestQueue Queue { get; }

    public CommitFanout Fanout { get; }

    public IngestWriter Writer { get; }

    public LivenessMonitor Liveness { get; }

    public Task StartWriterAsync() => Writer.StartAsync(CancellationToken.None);

    public async Task<StoreOutcome> StoreAsync(IngestRecord record) => await await Queue.EnqueueAsync(record, CancellationToken.None);

    public Task<StoreOutcome> SamplesAsync(string host, ulong sequence, double cpu, double windowSeconds = 10) =>
        StoreAsync(IngestRecord.Of(host, Batch(sequence, cpu, Time.GetUtcNow(), windowSeconds), Time.GetUtcNow()));

    public static SampleBatch Batch(ulong sequence, double cpu, DateTimeOffset end, double windowSeconds = 10)
    {
        var batch = new SampleBatch
        {
            Sequence = sequence,
            WindowStart = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(end.AddSeconds(-windowSeconds)),
            WindowEnd = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(end),
        };
        batch.Readings.Add(new Reading { Name = "cpu.busy_pct", Last = cpu, Min = cpu, Max = cpu, Count = 10 });
        return batch;
    }

    public void Dispose()
    {
        Writer.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        Writer.Dispose();
        Liveness.Dispose();
        Store.Dispose();
    }
}

/// <summary>Remembers what it was told, and checks at each call that the record is already in the store.</summary>
internal sealed class RecordingObserver(Func<ISiteStore>? store = null) : IFleetObserver
{
    public List<string> Calls { get; } = [];

    public void SamplesStored(string host, SampleBatch batch, DateTimeOffset receivedAt) =>
        Note($"samples {host} {batch.Sequence} stored={store?.Invoke().CountRecords(host, batch.Sequence)}");

    public void EventsStored(string host, EventBatch batch, DateTimeOffset receivedAt) =>
        Note($"events {host} {batch.Sequence} stored={store?.Invoke().CountRecords(host, batch.Sequence)}");

    public void LivenessChanged(string host, HostLiveness liveness, DateTimeOffset at) => Note($"{host} {liveness} at {at:HH:mm:ss}");

    private void Note(string call)
    {
        lock (Calls)
        {
            Calls.Add(call);
        }
    }
}

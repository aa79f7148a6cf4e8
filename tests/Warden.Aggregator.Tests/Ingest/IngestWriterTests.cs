using Warden.Aggregator.Configuration;
using Warden.Aggregator.Storage;

namespace Warden.Aggregator.Tests.Ingest;

public sealed class IngestWriterTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    [Fact]
    public async Task Records_queued_together_are_stored_in_one_commit_and_each_gets_its_outcome()
    {
        using var pipeline = new IngestPipeline(_dir);
        var durable = new List<Task<StoreOutcome>>();
        for (ulong s = 1; s <= 50; s++)
        {
            durable.Add(await pipeline.Queue.EnqueueAsync(IngestRecord.Of("web-01", IngestPipeline.Batch(s, s, IngestPipeline.T0), IngestPipeline.T0), default));
        }
        durable.Add(await pipeline.Queue.EnqueueAsync(IngestRecord.Of("web-01", IngestPipeline.Batch(7, 0, IngestPipeline.T0), IngestPipeline.T0), default));
        Assert.All(durable, d => Assert.False(d.IsCompleted)); // nothing is acknowledged before the writer stores it

        await pipeline.StartWriterAsync();
        var outcomes = await Task.WhenAll(durable).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Repeat(StoreOutcome.Stored, 50).Append(StoreOutcome.Duplicate), outcomes);
        Assert.Equal(50, pipeline.Store.Samples("web-01").Count);
        Assert.Equal(1, pipeline.Metrics.CommitRecords.Count); // one transaction, one checkpoint
        Assert.Equal(51, pipeline.Metrics.CommitRecords.Sum);
        Assert.Equal(1, pipeline.Metrics.Duplicates.Value);
    }

    [Fact]
    public async Task Observers_hear_of_stored_records_after_they_are_in_the_store_and_never_of_duplicates()
    {
        LiteDbSiteStore? store = null;
        var observer = new RecordingObserver(() => store!);
        using var pipeline = new IngestPipeline(_dir, null, observer);
        store = pipeline.Store;
        await pipeline.StartWriterAsync();

        Assert.Equal(StoreOutcome.Stored, await pipeline.SamplesAsync("web-01", 1, cpu: 10));
        Assert.Equal(StoreOutcome.Duplicate, await pipeline.SamplesAsync("web-01", 1, cpu: 10));
        Assert.Equal(StoreOutcome.Stored, await pipeline.StoreAsync(IngestRecord.Of("web-01",
            Storage.LiteDbSiteStoreTests.Events(2, IngestPipeline.T0, Storage.LiteDbSiteStoreTests.Heal(Proto.V1.HealOutcome.Started)), IngestPipeline.T0)));

        Assert.Equal(["samples web-01 1 stored=1", "events web-01 2 stored=1"], observer.Calls);
    }

    [Fact]
    public async Task A_full_queue_makes_the_sender_wait_instead_of_growing()
    {
        var options = new AggregatorOptions { Ingest = { QueueCapacity = 3 } };
        using var pipeline = new IngestPipeline(_dir, options);
        for (ulong s = 1; s <= 3; s++)
        {
            await pipeline.Queue.EnqueueAsync(IngestRecord.Of("web-01", IngestPipeline.Batch(s, 1, IngestPipeline.T0), IngestPipeline.T0), default);
        }
        var fourth = pipeline.Queue.EnqueueAsync(IngestRecord.Of("web-01", IngestPipeline.Batch(4, 1, IngestPipeline.T0), IngestPipeline.T0), default).AsTask();
        Assert.False(fourth.IsCompleted);
        Assert.Equal(3, pipeline.Queue.Depth);

        await pipeline.StartWriterAsync(); // storage catches up: the waiting sender gets in, and its record is stored
        Assert.Equal(StoreOutcome.Stored, await (await fourth.WaitAsync(TimeSpan.FromSeconds(30))).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(4, pipeline.Store.Samples("web-01").Count);
    }

    [Fact]
    public async Task Commits_are_capped_at_MaxBatchRecords()
    {
        var options = new AggregatorOptions { Ingest = { MaxBatchRecords = 10 } };
        using var pipeline = new IngestPipeline(_dir, options);
        var durable = new List<Task<StoreOutcome>>();
        for (ulong s = 1; s <= 25; s++)
        {
            durable.Add(await pipeline.Queue.EnqueueAsync(IngestRecord.Of("web-01", IngestPipeline.Batch(s, 1, IngestPipeline.T0), IngestPipeline.T0), default));
        }
        await pipeline.StartWriterAsync();
        await Task.WhenAll(durable).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, pipeline.Metrics.CommitRecords.Count);
    }

    public void Dispose() => _dir.Dispose();
}

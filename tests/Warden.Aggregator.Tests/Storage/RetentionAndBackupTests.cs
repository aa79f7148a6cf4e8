using Microsoft.Extensions.Logging.Abstractions;
using Warden.Aggregator.Configuration;
using Warden.Aggregator.Storage;
using Warden.Aggregator.Tests.Ingest;

namespace Warden.Aggregator.Tests.Storage;

public sealed class RetentionAndBackupTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    [Fact]
    public async Task A_sweep_deletes_batches_past_their_age_in_chunks_and_keeps_hosts_and_check_states()
    {
        var options = new AggregatorOptions { Retention = { SamplesDays = 1, EventsDays = 2, ChunkRecords = 7 } };
        using var pipeline = new IngestPipeline(_dir, options);
        var t0 = pipeline.Time.GetUtcNow();
        for (ulong s = 1; s <= 30; s++)
        {
            pipeline.Store.StoreSamples("web-01", IngestPipeline.Batch(s, 1, t0), t0.AddHours(s)); // received hourly
        }
        pipeline.Store.StoreEvents("web-01", LiteDbSiteStoreTests.Events(31, t0,
            LiteDbSiteStoreTests.Transition("disk_space:/var", Proto.V1.CheckState.Ok, Proto.V1.CheckState.Crit)), t0);
        var sweeper = new RetentionSweeper(pipeline.Store, pipeline.Time, options, pipeline.Metrics, NullLogger<RetentionSweeper>.Instance);

        pipeline.Time.Advance(TimeSpan.FromHours(30)); // samples received before hour 6 are older than a day
        Assert.Equal((5, 0), await sweeper.SweepAsync(default));
        Assert.Equal(Enumerable.Range(6, 25).Select(s => (long)s), pipeline.Store.Samples("web-01").Select(b => b.Sequence));

        pipeline.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal((25, 1), await sweeper.SweepAsync(default)); // more than one chunk of 7
        Assert.Empty(pipeline.Store.Samples("web-01"));
        Assert.Empty(pipeline.Store.Events("web-01"));
        Assert.Equal(Proto.V1.CheckState.Crit, (Proto.V1.CheckState)Assert.Single(pipeline.Store.Checks("web-01")).State);
        Assert.Equal(31, pipeline.Store.FindHost("web-01")!.LastSequence);
        Assert.Equal(30, pipeline.Metrics.RetentionDeleted.WithLabels("samples").Value);
    }

    [Fact]
    public void A_backup_taken_while_open_restores_with_everything_committed()
    {
        var copy = _dir.File("copy.db");
        using (var store = new LiteDbSiteStore(_dir.File("warden.db")))
        {
            store.RecordHello(LiteDbSiteStoreTests.Hello("web-01"), IngestPipeline.T0);
            for (ulong s = 1; s <= 20; s++)
            {
                store.StoreSamples("web-01", IngestPipeline.Batch(s, s, IngestPipeline.T0), IngestPipeline.T0);
            }
            store.StoreEvents("web-01", LiteDbSiteStoreTests.Events(21, IngestPipeline.T0,
                LiteDbSiteStoreTests.Transition("load_per_core", Proto.V1.CheckState.Ok, Proto.V1.CheckState.Warn, component: "system")), IngestPipeline.T0);
            store.Backup(copy);
            store.StoreSamples("web-01", IngestPipeline.Batch(22, 22, IngestPipeline.T0), IngestPipeline.T0); // after the copy: not in it
        }

        using var restored = new LiteDbSiteStore(copy);
        Assert.Equal(Enumerable.Range(1, 20).Select(s => (long)s), restored.Samples("web-01").Select(b => b.Sequence));
        Assert.Equal(21UL, restored.LastSequence("web-01"));
        Assert.Equal("machine-web-01", restored.FindHost("web-01")!.MachineId);
        Assert.Equal("load_per_core", Assert.Single(restored.Checks("web-01")).Check);
    }

    public void Dispose() => _dir.Dispose();
}

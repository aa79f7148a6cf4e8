using LiteDB;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;
using static Warden.Aggregator.Tests.Storage.LiteDbSiteStoreTests;

namespace Warden.Aggregator.Tests.Storage;

/// <summary>
/// Host documents written lazily (HostState): a backup taken while hosts are behind is the file a
/// crash would leave, so opening it shows what a restart after kill -9 recovers from the pages.
/// </summary>
public sealed class HostFlushTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly ScratchDirectory _dir = new();

    private string DbPath => _dir.File("warden.db");

    private string CrashImage => _dir.File("crash.db");

    [Fact]
    public void Sample_batches_leave_the_host_document_behind_until_the_flush_interval_passes()
    {
        using var store = new LiteDbSiteStore(DbPath, TimeSpan.FromSeconds(5));
        store.RecordHello(Hello("web-01"), T0); // the first commit flushes
        store.StoreSamples("web-01", Batch(1, cpu: 10), T0.AddSeconds(1));
        store.StoreSamples("web-01", Batch(2, cpu: 20), T0.AddSeconds(2));
        Assert.Equal(1, store.HostsBehind);
        store.CopyAsIs(CrashImage);
        Assert.Equal(0, StoredHostDocument(CrashImage, "web-01").LastSequence);

        store.StoreSamples("web-01", Batch(3, cpu: 30), T0.AddSeconds(5));
        Assert.Equal(0, store.HostsBehind);
        store.CopyAsIs(CrashImage);
        Assert.Equal(3, StoredHostDocument(CrashImage, "web-01").LastSequence);
        Assert.Equal(3, HostsThroughPage(CrashImage));
    }

    [Fact]
    public void After_a_crash_the_receipts_after_the_last_flush_restore_dedupe_last_seen_and_interval_and_readings_are_those_of_the_flush()
    {
        using (var store = new LiteDbSiteStore(DbPath, TimeSpan.FromSeconds(3)))
        {
            store.RecordHello(Hello("web-01"), T0); // the first commit flushes
            store.StoreSamples("web-02", Batch(1, cpu: 5), T0); // a host that never said Hello: only in the pages
            for (ulong s = 1; s <= 4; s++)
            {
                store.StoreSamples("web-01", Batch(s, cpu: s * 10), T0.AddSeconds(s)); // the commit at 3 s flushes
            }
            store.CopyAsIs(CrashImage);
        }
        Assert.Equal(3, StoredHostDocument(CrashImage, "web-01").LastSequence);

        using var reopened = new LiteDbSiteStore(CrashImage);
        var host = reopened.FindHost("web-01")!;
        Assert.Equal(("machine-web-01", 4L, T0.AddSeconds(4).UtcDateTime, T0.UtcDateTime), (host.MachineId, host.LastSequence, host.LastSeen, host.FirstSeen));
        Assert.Equal(30, host.Latest.Single(r => r.Name == "cpu.busy_pct").Last); // a receipt has no readings: those of the flush
        Assert.Equal(10, host.ShipIntervalSeconds);
        Assert.Equal(StoreOutcome.Duplicate, reopened.StoreSamples("web-01", Batch(4, cpu: 40), T0.AddSeconds(9)));
        Assert.Equal(StoreOutcome.Duplicate, reopened.StoreSamples("web-01", Batch(3, cpu: 30), T0.AddSeconds(9)));
        Assert.Equal(StoreOutcome.Stored, reopened.StoreSamples("web-01", Batch(5, cpu: 50), T0.AddSeconds(9)));
        Assert.Equal(50, reopened.FindHost("web-01")!.Latest.Single(r => r.Name == "cpu.busy_pct").Last);
        Assert.Equal(StoreOutcome.Duplicate, reopened.StoreSamples("web-02", Batch(1, cpu: 5), T0.AddSeconds(9)));
        Assert.Equal(["web-01", "web-02"], reopened.Hosts().Select(h => h.Id));
    }

    [Fact]
    public void An_event_batch_writes_its_host_at_once_and_replay_over_it_changes_nothing()
    {
        using (var store = new LiteDbSiteStore(DbPath, TimeSpan.FromHours(1)))
        {
            store.RecordHello(Hello("web-01"), T0);
            store.StoreSamples("web-01", Batch(1, cpu: 10), T0.AddSeconds(1));
            store.StoreEvents("web-01", LiteDbSiteStoreTests.Events(2, T0, Heal(HealOutcome.Succeeded)), T0.AddSeconds(2));
            store.CopyAsIs(CrashImage);
        }
        var written = StoredHostDocument(CrashImage, "web-01");
        Assert.Equal((2L, 1L), (written.LastSequence, written.Heals.Succeeded));

        using var reopened = new LiteDbSiteStore(CrashImage);
        var host = reopened.FindHost("web-01")!;
        Assert.Equal((2L, 1L, T0.AddSeconds(2).UtcDateTime), (host.LastSequence, host.Heals.Succeeded, host.LastSeen));
        Assert.Equal(10, host.Latest.Single().Last);
        Assert.Equal(StoreOutcome.Duplicate, reopened.StoreSamples("web-01", Batch(1, cpu: 10), T0.AddSeconds(3)));
    }

    [Fact]
    public void A_backup_writes_the_hosts_behind_first_so_the_copy_has_their_latest_readings()
    {
        var copy = _dir.File("backup.db");
        using (var store = new LiteDbSiteStore(DbPath, TimeSpan.FromHours(1)))
        {
            store.StoreSamples("web-01", Batch(1, cpu: 10), T0); // the first commit flushes
            store.StoreSamples("web-01", Batch(2, cpu: 20), T0.AddSeconds(1));
            Assert.Equal(1, store.HostsBehind);
            store.Backup(copy);
            Assert.Equal(0, store.HostsBehind);
        }
        using var restored = new LiteDbSiteStore(copy);
        var host = restored.FindHost("web-01")!;
        Assert.Equal((2L, 20.0), (host.LastSequence, host.Latest.Single().Last));
    }

    [Fact]
    public void Closing_the_store_writes_the_hosts_so_the_next_open_has_nothing_to_replay()
    {
        using (var store = new LiteDbSiteStore(DbPath, TimeSpan.FromHours(1)))
        {
            store.StoreSamples("web-01", Batch(1, cpu: 10), T0);
            store.StoreSamples("web-01", Batch(2, cpu: 20), T0.AddSeconds(1));
        }
        Assert.Equal(2, StoredHostDocument(DbPath, "web-01").LastSequence);
        Assert.Equal(2, HostsThroughPage(DbPath));
    }

    [Fact]
    public void Retention_never_deletes_a_page_that_a_restart_would_replay()
    {
        using var store = new LiteDbSiteStore(DbPath, TimeSpan.FromHours(1));
        store.StoreSamples("web-01", Batch(1, cpu: 10), T0); // flushed: the first commit
        store.StoreSamples("web-01", Batch(2, cpu: 20), T0.AddSeconds(1));
        store.StoreSamples("web-01", Batch(3, cpu: 30), T0.AddSeconds(2));

        Assert.Equal(1, store.DeleteSamplesBefore(T0.AddDays(1), max: 100));
        Assert.Equal([2L, 3L], store.Samples("web-01").Select(b => b.Sequence));
    }

    internal static StoredHost StoredHostDocument(string path, string host)
    {
        using var db = LiteDbSiteStore.Open(path, readOnly: true);
        return db.GetCollection<StoredHost>("hosts").FindById(host);
    }

    internal static long HostsThroughPage(string path)
    {
        using var db = LiteDbSiteStore.Open(path, readOnly: true);
        return db.GetCollection("store_meta").FindById("format")["HostsThroughPage"].AsInt64;
    }

    public void Dispose() => _dir.Dispose();
}

using Google.Protobuf.WellKnownTypes;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Tests.Storage;

public sealed class RecentEventsTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly ScratchDirectory _dir = new();

    [Fact]
    public void The_newest_event_batches_of_one_host_come_first_up_to_the_limit()
    {
        using var store = new LiteDbSiteStore(_dir.File("warden.db"));
        // Sequences past 9 check the order is numeric, not text; web-10 must not leak into web-1.
        foreach (ulong s in new ulong[] { 3, 12, 7, 9, 100 })
        {
            store.StoreEvents("web-1", Batch(s), T0.AddSeconds(s));
        }
        store.StoreEvents("web-10", Batch(500), T0);
        store.StoreSamples("web-1", new SampleBatch { Sequence = 200 }, T0);

        Assert.Equal([100UL, 12, 9], store.RecentEvents("web-1", 3).Select(b => b.Sequence));
        Assert.Equal([100UL, 12, 9, 7, 3], store.RecentEvents("web-1", 50).Select(b => b.Sequence));
        Assert.Empty(store.RecentEvents("web-2", 50));
    }

    [Fact]
    public void Recent_events_are_read_back_from_the_file_after_reopening_it()
    {
        var path = _dir.File("warden.db");
        using (var store = new LiteDbSiteStore(path))
        {
            store.StoreEvents("web-01", Batch(1), T0);
            store.StoreEvents("web-01", Batch(2), T0);
        }

        using var reopened = new LiteDbSiteStore(path);
        var newest = Assert.Single(reopened.RecentEvents("web-01", 1));
        Assert.Equal(2UL, newest.Sequence);
        Assert.Equal("process_running:web", newest.Events.Single().Heal.Check);
    }

    private static EventBatch Batch(ulong sequence) => new()
    {
        Sequence = sequence,
        Events = { new Event { At = Timestamp.FromDateTimeOffset(T0), Heal = new HealEvent { Check = "process_running:web", Outcome = HealOutcome.Started } } },
    };

    public void Dispose() => _dir.Dispose();
}

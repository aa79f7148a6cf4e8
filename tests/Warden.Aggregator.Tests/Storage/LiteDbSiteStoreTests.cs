using Google.Protobuf.WellKnownTypes;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Tests.Storage;

public sealed class LiteDbSiteStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly ScratchDirectory _dir = new();

    private string DbPath => _dir.File("warden.db");

    [Fact]
    public void A_batch_received_twice_is_stored_once()
    {
        using var store = new LiteDbSiteStore(DbPath);
        store.RecordHello(Hello("web-01"), T0);

        Assert.Equal(StoreOutcome.Stored, store.StoreSamples("web-01", Batch(1, cpu: 10), T0));
        Assert.Equal(StoreOutcome.Duplicate, store.StoreSamples("web-01", Batch(1, cpu: 10), T0.AddSeconds(1)));

        Assert.Equal(1, store.CountRecords("web-01", 1));
        Assert.Single(store.Samples("web-01"));
    }

    [Fact]
    public void The_same_sequence_from_two_hosts_is_two_records()
    {
        using var store = new LiteDbSiteStore(DbPath);
        Assert.Equal(StoreOutcome.Stored, store.StoreSamples("web-01", Batch(1, cpu: 10), T0));
        Assert.Equal(StoreOutcome.Stored, store.StoreSamples("web-02", Batch(1, cpu: 20), T0));
        Assert.Equal(1, store.CountRecords("web-01", 1));
        Assert.Equal(1, store.CountRecords("web-02", 1));
    }

    [Fact]
    public void An_event_batch_cannot_reuse_a_sample_batchs_sequence()
    {
        using var store = new LiteDbSiteStore(DbPath);
        store.StoreSamples("web-01", Batch(5, cpu: 10), T0);
        Assert.Equal(StoreOutcome.Duplicate, store.StoreEvents("web-01", new EventBatch { Sequence = 5 }, T0));
        Assert.Equal(StoreOutcome.Stored, store.StoreEvents("web-01", new EventBatch { Sequence = 6 }, T0));
        Assert.Equal(6UL, store.LastSequence("web-01"));
    }

    [Fact]
    public void History_and_hosts_survive_closing_and_reopening_the_file()
    {
        using (var store = new LiteDbSiteStore(DbPath))
        {
            store.RecordHello(Hello("web-01"), T0);
            for (ulong s = 1; s <= 3; s++)
            {
                store.StoreSamples("web-01", Batch(s, cpu: s * 10), T0.AddSeconds(s));
            }
        }

        using var reopened = new LiteDbSiteStore(DbPath);
        var host = Assert.Single(reopened.Hosts());
        Assert.Equal("web-01", host.Id);
        Assert.Equal("machine-web-01", host.MachineId);
        Assert.Equal(3, host.LastSequence);
        Assert.Equal(T0.AddSeconds(3).UtcDateTime, host.LastSeen);
        Assert.Equal([1L, 2L, 3L], reopened.Samples("web-01").Select(b => b.Sequence));
        Assert.Equal(StoreOutcome.Duplicate, reopened.StoreSamples("web-01", Batch(2, cpu: 20), T0));
    }

    [Fact]
    public void A_resent_older_batch_does_not_replace_the_latest_readings()
    {
        using var store = new LiteDbSiteStore(DbPath);
        store.StoreSamples("web-01", Batch(2, cpu: 80), T0);
        store.StoreSamples("web-01", Batch(1, cpu: 5), T0.AddSeconds(1)); // arrived late, after a reconnect

        var host = store.FindHost("web-01")!;
        Assert.Equal(2, host.LastSequence);
        Assert.Equal(80, host.Latest.Single(r => r.Name == "cpu.busy_pct").Last);
        Assert.Equal(T0.AddSeconds(1).UtcDateTime, host.LastSeen);
    }

    [Fact]
    public void Samples_after_a_sequence_come_oldest_first()
    {
        using var store = new LiteDbSiteStore(DbPath);
        foreach (var s in new ulong[] { 3, 1, 2, 10 })
        {
            store.StoreSamples("web-01", Batch(s, cpu: 1), T0);
        }
        Assert.Equal([3L, 10L], store.Samples("web-01", afterSequence: 2).Select(b => b.Sequence));
    }

    [Fact]
    public void A_second_owner_of_the_file_cannot_open_it_while_the_first_holds_it()
    {
        using var store = new LiteDbSiteStore(DbPath);
        store.StoreSamples("web-01", Batch(1, cpu: 1), T0);
        // Direct mode opens the file exclusively; a second aggregator on the same file would corrupt it.
        Assert.ThrowsAny<IOException>(() => new LiteDbSiteStore(DbPath).Dispose());
    }

    [Fact]
    public void Events_received_since_a_time_are_the_hosts_newer_batches_oldest_first()
    {
        using var store = new LiteDbSiteStore(DbPath);
        for (ulong s = 1; s <= 5; s++)
        {
            var at = T0.AddHours(s);
            store.StoreEvents("web-01", Events(s, at, Heal(HealOutcome.Succeeded)), at);
            store.StoreEvents("web-02", Events(s, at, Heal(HealOutcome.Failed)), at);
        }
        store.StoreSamples("web-01", Batch(6, cpu: 1), T0.AddHours(6));

        Assert.Equal([3UL, 4UL, 5UL], store.EventsReceivedSince("web-01", T0.AddHours(3)).Select(b => b.Sequence));
        Assert.All(store.EventsReceivedSince("web-01", T0), b => Assert.Equal(HealOutcome.Succeeded, b.Events[0].Heal.Outcome));
        Assert.Empty(store.EventsReceivedSince("web-01", T0.AddHours(6)));
        Assert.Empty(store.EventsReceivedSince("web-03", T0));
    }

    internal static EventBatch Events(ulong sequence, DateTimeOffset at, params Event[] events)
    {
        var batch = new EventBatch { Sequence = sequence };
        foreach (var e in events)
        {
            e.At = Timestamp.FromDateTimeOffset(at);
            batch.Events.Add(e);
        }
        return batch;
    }

    internal static Event Transition(string check, CheckState from, CheckState to, uint attempt = 1, string component = "storage") => new()
    {
        CheckTransition = new CheckTransition
        {
            Component = component,
            Check = check,
            FromState = from,
            ToState = to,
            StateType = attempt >= 3 ? StateType.Hard : StateType.Soft,
            Attempt = attempt,
            MaxAttempts = 3,
            Value = 97,
            Threshold = "85/95 %",
            Reason = $"{check} is {to}",
        },
    };

    internal static Event Heal(HealOutcome outcome) => new()
    {
        Heal = new HealEvent { Component = "service", Check = "service_unit:web", Action = "restart-unit web.service", Outcome = outcome, RunsInWindow = 1, Budget = 3 },
    };

    internal static Hello Hello(string host) => new() { Host = host, MachineId = "machine-" + host, AgentVersion = "0.1.0", CpuCount = 2 };

    internal static SampleBatch Batch(ulong sequence, double cpu)
    {
        var batch = new SampleBatch
        {
            Sequence = sequence,
            WindowStart = Timestamp.FromDateTimeOffset(T0),
            WindowEnd = Timestamp.FromDateTimeOffset(T0.AddSeconds(10)),
        };
        batch.Readings.Add(new Reading { Name = "cpu.busy_pct", Last = cpu, Min = cpu, Max = cpu, Count = 10 });
        return batch;
    }

    public void Dispose() => _dir.Dispose();
}

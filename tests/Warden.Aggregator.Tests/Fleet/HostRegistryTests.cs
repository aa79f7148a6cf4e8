using Warden.Aggregator.Configuration;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Storage;
using Warden.Aggregator.Tests.Storage;

namespace Warden.Aggregator.Tests.Fleet;

public sealed class HostRegistryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly ScratchDirectory _dir = new();
    private readonly LiteDbSiteStore _store;
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(T0);

    public HostRegistryTests() => _store = new LiteDbSiteStore(_dir.File("warden.db"));

    private HostRegistry NewRegistry() => new(_store, _time, new AggregatorOptions());

    [Fact]
    public void Starts_with_the_stored_hosts_disconnected()
    {
        _store.RecordHello(LiteDbSiteStoreTests.Hello("b-host"), T0);
        _store.RecordHello(LiteDbSiteStoreTests.Hello("a-host"), T0);
        var registry = NewRegistry();
        var hosts = registry.Snapshot();
        Assert.Equal(["a-host", "b-host"], hosts.Select(h => h.Host));
        Assert.All(hosts, h => Assert.False(h.Connected));
    }

    [Fact]
    public void A_host_is_connected_while_any_of_its_streams_is_open()
    {
        _store.RecordHello(LiteDbSiteStoreTests.Hello("web-01"), T0);
        var registry = NewRegistry();
        registry.StreamOpened("web-01");
        registry.StreamOpened("web-01"); // a reconnect raced the old stream's end
        registry.StreamClosed("web-01");
        Assert.True(registry.Find("web-01")!.Connected);
        registry.StreamClosed("web-01");
        Assert.False(registry.Find("web-01")!.Connected);
    }

    [Fact]
    public async Task A_watcher_learns_which_hosts_changed_coalesced()
    {
        var registry = NewRegistry();
        using var watcher = registry.Watch();
        var next = watcher.NextAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);

        Commit(registry, IngestRecord.Of("web-01", LiteDbSiteStoreTests.Batch(1, cpu: 10), T0));
        Commit(registry, IngestRecord.Of("web-01", LiteDbSiteStoreTests.Batch(2, cpu: 20), T0));
        var changed = await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["web-01"], changed);
        Assert.Equal(20, registry.Find("web-01")!.Latest.Single().Last);
    }

    [Fact]
    public void A_disposed_watcher_is_no_longer_told()
    {
        var registry = NewRegistry();
        var watcher = registry.Watch();
        watcher.Dispose();
        Commit(registry, IngestRecord.Of(LiteDbSiteStoreTests.Hello("web-01"), T0));
        Assert.False(watcher.NextAsync(new CancellationToken(canceled: true)).IsCompletedSuccessfully);
    }

    [Fact]
    public void The_summary_carries_host_score_worst_component_and_heal_counts()
    {
        var registry = NewRegistry();
        var batch = LiteDbSiteStoreTests.Batch(1, cpu: 10);
        batch.Readings.Add(new Proto.V1.Reading { Name = "score.host", Last = 85, Count = 1 });
        batch.Readings.Add(new Proto.V1.Reading { Name = "score.system", Last = 100, Count = 1 });
        batch.Readings.Add(new Proto.V1.Reading { Name = "score.storage", Last = 70, Count = 1 });
        batch.Readings.Add(new Proto.V1.Reading { Name = "score.vm", Last = 0, Count = 0 }); // no data: not a score
        Commit(registry, IngestRecord.Of("web-01", batch, T0),
            IngestRecord.Of("web-01", LiteDbSiteStoreTests.Events(2, T0, LiteDbSiteStoreTests.Heal(Proto.V1.HealOutcome.Started),
                LiteDbSiteStoreTests.Heal(Proto.V1.HealOutcome.Failed)), T0));

        var host = registry.Find("web-01")!;
        Assert.Equal(85, host.Score);
        Assert.Equal("storage", host.WorstComponent);
        Assert.Equal(70, host.WorstComponentScore);
        Assert.Equal(["system", "storage"], host.Components.Select(c => c.Component));
        Assert.Equal((1UL, 1UL, 0UL), (host.Heals.Started, host.Heals.Failed, host.Heals.Succeeded));
    }

    [Fact]
    public void Stored_check_states_come_back_after_a_restart()
    {
        var first = NewRegistry();
        Commit(first, IngestRecord.Of("web-01", LiteDbSiteStoreTests.Events(1, T0,
            LiteDbSiteStoreTests.Transition("disk_space:/var", Proto.V1.CheckState.Ok, Proto.V1.CheckState.Crit, attempt: 3)), T0));

        var second = NewRegistry();
        var check = Assert.Single(second.Checks("web-01")!);
        Assert.Equal(Proto.V1.CheckState.Crit, check.State);
        Assert.Equal(Proto.V1.StateType.Hard, check.StateType);
        Assert.Equal((3U, 3U), (check.Attempt, check.MaxAttempts));
        Assert.Equal("storage", check.Component);
        Assert.Equal(1U, second.Find("web-01")!.Checks.Crit);
    }

    private void Commit(HostRegistry registry, params IngestRecord[] records) => registry.Committed(records, _store.StoreBatch(records));

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }
}

using Warden.Aggregator.Fleet;
using Warden.Aggregator.Storage;
using Warden.Aggregator.Tests.Storage;

namespace Warden.Aggregator.Tests.Fleet;

public sealed class HostRegistryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly ScratchDirectory _dir = new();
    private readonly LiteDbSiteStore _store;

    public HostRegistryTests() => _store = new LiteDbSiteStore(_dir.File("warden.db"));

    [Fact]
    public void Starts_with_the_stored_hosts_disconnected()
    {
        _store.RecordHello(LiteDbSiteStoreTests.Hello("b-host"), T0);
        _store.RecordHello(LiteDbSiteStoreTests.Hello("a-host"), T0);
        var registry = new HostRegistry(_store);
        var hosts = registry.Snapshot();
        Assert.Equal(["a-host", "b-host"], hosts.Select(h => h.Host));
        Assert.All(hosts, h => Assert.False(h.Connected));
    }

    [Fact]
    public void A_host_is_connected_while_any_of_its_streams_is_open()
    {
        var registry = new HostRegistry(_store);
        var host = _store.RecordHello(LiteDbSiteStoreTests.Hello("web-01"), T0);
        registry.StreamOpened(host);
        registry.StreamOpened(host); // a reconnect raced the old stream's end
        registry.StreamClosed("web-01");
        Assert.True(registry.Find("web-01")!.Connected);
        registry.StreamClosed("web-01");
        Assert.False(registry.Find("web-01")!.Connected);
    }

    [Fact]
    public async Task A_watcher_learns_which_hosts_changed_coalesced()
    {
        var registry = new HostRegistry(_store);
        using var watcher = registry.Watch();
        var next = watcher.NextAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);

        _store.StoreSamples("web-01", LiteDbSiteStoreTests.Batch(1, cpu: 10), T0);
        registry.Updated(_store.FindHost("web-01")!);
        registry.Updated(_store.FindHost("web-01")!);
        var changed = await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["web-01"], changed);
        Assert.Equal(10, registry.Find("web-01")!.Latest.Single().Last);
    }

    [Fact]
    public void A_disposed_watcher_is_no_longer_told()
    {
        var registry = new HostRegistry(_store);
        var watcher = registry.Watch();
        watcher.Dispose();
        registry.Updated(_store.RecordHello(LiteDbSiteStoreTests.Hello("web-01"), T0));
        Assert.False(watcher.NextAsync(new CancellationToken(canceled: true)).IsCompletedSuccessfully);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }
}

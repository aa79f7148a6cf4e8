using Microsoft.Extensions.Time.Testing;
using Warden.Proto.V1;
using Warden.Tui.Client;
using Warden.Tui.Tests.Fixtures;

namespace Warden.Tui.Tests.Client;

/// <summary>The real WatchHosts stream over h2c, against Kestrel, including a reconnect after the server ends it.</summary>
public sealed class GrpcHostUpdateSourceTests
{
    [Fact]
    public async Task Watches_a_real_aggregator_and_reconnects_when_the_stream_ends()
    {
        await using FakeAggregator aggregator = await FakeAggregator.StartAsync(Hosts.Web01(), Hosts.Db02());
        using var channel = OperatorChannel.Create(aggregator.Address);
        var time = new FakeTimeProvider();
        var observer = new RecordingObserver();
        var watch = new HostWatch(new GrpcHostUpdateSource(new Operator.OperatorClient(channel)), observer, time, new ReconnectBackoff());
        using var stop = new CancellationTokenSource();

        Task watching = Task.Run(() => watch.RunAsync(stop.Token));

        Assert.Equal("host web-01", await observer.NextAsync());
        Assert.Equal("host db-02", await observer.NextAsync());
        Assert.StartsWith("snapshot", await observer.NextAsync());
        Assert.StartsWith("lost 500ms", await observer.NextAsync());

        time.Advance(ReconnectBackoff.DefaultInitial);
        Assert.Equal("host web-01", await observer.NextAsync());
        Assert.Equal(2, aggregator.Service.WatchCalls);

        await stop.CancelAsync();
        await watching;
    }

    [Fact]
    public async Task Quitting_while_the_stream_is_open_ends_the_watch_quietly()
    {
        await using FakeAggregator aggregator = await FakeAggregator.StartAsync(Hosts.Web01());
        aggregator.Service.HoldStreamsOpen = true;
        using var channel = OperatorChannel.Create(aggregator.Address);
        var observer = new RecordingObserver();
        var watch = new HostWatch(new GrpcHostUpdateSource(new Operator.OperatorClient(channel)), observer, new FakeTimeProvider(), new ReconnectBackoff());
        using var stop = new CancellationTokenSource();
        Task watching = Task.Run(() => watch.RunAsync(stop.Token));
        Assert.Equal("host web-01", await observer.NextAsync());
        Assert.StartsWith("snapshot", await observer.NextAsync());

        await stop.CancelAsync();

        // Grpc.Net.Client surfaces our own cancel as RpcException(Cancelled); it must not escape.
        await watching.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

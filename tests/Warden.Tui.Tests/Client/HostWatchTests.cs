using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using Warden.Proto.V1;
using Warden.Tui.Client;
using Warden.Tui.Tests.Fixtures;

namespace Warden.Tui.Tests.Client;

public sealed class HostWatchTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(2);

    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedHostSource _source = new();
    private readonly RecordingObserver _observer = new();

    [Fact]
    public async Task Passes_upserts_and_snapshot_end_through_in_order()
    {
        using var stop = new CancellationTokenSource();
        Task watching = Start(stop.Token);

        var call = await _source.NextCallAsync();
        await call.WriteAsync(new HostUpdate { Host = Hosts.Web01() });
        await call.WriteAsync(SnapshotEnd());
        await call.WriteAsync(new HostUpdate { Host = Hosts.Db02() });

        Assert.Equal("host web-01", await _observer.NextAsync());
        Assert.Equal($"snapshot {Hosts.ServerTime:O}", await _observer.NextAsync());
        Assert.Equal("host db-02", await _observer.NextAsync());

        await stop.CancelAsync();
        await watching;
    }

    [Fact]
    public async Task Reconnects_after_a_drop_only_once_the_backoff_has_passed()
    {
        using var stop = new CancellationTokenSource();
        Task watching = Start(stop.Token);

        var first = await _source.NextCallAsync();
        first.Complete(new RpcException(new Status(StatusCode.Unavailable, "aggregator restarting")));

        Assert.Equal("lost 500ms Unavailable: aggregator restarting", await _observer.NextAsync());
        _time.Advance(Initial - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _source.CallCount);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await _source.NextCallAsync();
        Assert.Equal(2, _source.CallCount);

        await stop.CancelAsync();
        await watching;
    }

    [Fact]
    public async Task Backoff_doubles_to_its_cap_and_resets_after_a_snapshot()
    {
        using var stop = new CancellationTokenSource();
        Task watching = Start(stop.Token);

        // A stream that simply ends is a drop too.
        foreach (string expected in new[] { "lost 500ms", "lost 1000ms", "lost 2000ms", "lost 2000ms" })
        {
            (await _source.NextCallAsync()).Complete();
            Assert.StartsWith(expected, await _observer.NextAsync());
            _time.Advance(Cap);
        }

        var healthy = await _source.NextCallAsync();
        await healthy.WriteAsync(SnapshotEnd());
        Assert.StartsWith("snapshot", await _observer.NextAsync());
        healthy.Complete();
        Assert.StartsWith("lost 500ms", await _observer.NextAsync());

        await stop.CancelAsync();
        await watching;
    }

    [Fact]
    public async Task Cancelling_during_the_backoff_ends_the_watch()
    {
        using var stop = new CancellationTokenSource();
        Task watching = Start(stop.Token);
        (await _source.NextCallAsync()).Complete();
        await _observer.NextAsync();

        await stop.CancelAsync();

        await watching.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, _source.CallCount);
    }

    private Task Start(CancellationToken token)
    {
        var watch = new HostWatch(_source, _observer, _time, new ReconnectBackoff(Initial, Cap));
        return Task.Run(() => watch.RunAsync(token));
    }

    private static HostUpdate SnapshotEnd() =>
        new() { SnapshotEnd = new SnapshotEnd { ServerTime = Timestamp.FromDateTimeOffset(Hosts.ServerTime) } };
}

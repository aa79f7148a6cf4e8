using Microsoft.Extensions.Time.Testing;
using Warden.Proto.V1;
using Warden.Tui.Formatting;
using Warden.Tui.Model;
using Warden.Tui.Tests.Fixtures;

namespace Warden.Tui.Tests.Model;

public sealed class HostListStateTests
{
    // The local clock is deliberately far from the aggregator's: ages must follow the aggregator.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly HostListState _state;
    private int _changes;

    public HostListStateTests()
    {
        _state = new HostListState(_time);
        _state.Changed += () => _changes++;
    }

    [Fact]
    public void Shows_nothing_until_the_snapshot_is_complete()
    {
        _state.HostUpserted(Hosts.Web01());

        Assert.Empty(_state.FleetRows());
        Assert.Equal(FeedStatus.Connecting, _state.Status);
        Assert.Equal("connecting to http://agg:7400…", _state.StatusLine("http://agg:7400"));
    }

    [Fact]
    public void Snapshot_shows_hosts_sorted_with_ages_by_the_aggregators_clock()
    {
        Snapshot(Hosts.Web01(), Hosts.Db02());

        Assert.Equal(["db-02", "web-01"], _state.FleetRows().Select(r => r.Host));
        Assert.Equal("3s", Row("web-01").LastSeen);
        Assert.Equal(FeedStatus.Live, _state.Status);
        Assert.Null(_state.Banner);
        Assert.Equal(1, _changes);
    }

    [Fact]
    public void Ages_grow_as_time_passes()
    {
        Snapshot(Hosts.Web01());

        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal("1m", Row("web-01").LastSeen);
    }

    [Fact]
    public void Upserts_after_the_snapshot_apply_at_once()
    {
        Snapshot(Hosts.Web01());
        HostSummary web = Hosts.Web01();
        web.Connected = false;

        _state.HostUpserted(web);
        _state.HostUpserted(Hosts.Db02());

        Assert.Equal("stale", Row("web-01").Agent);
        Assert.Equal(2, _state.HostCount);
        Assert.Equal(3, _changes);
    }

    [Fact]
    public void A_drop_keeps_the_rows_marks_them_stale_and_shows_the_banner()
    {
        Snapshot(Hosts.Web01());

        _state.ConnectionLost("Unavailable: gone", TimeSpan.FromSeconds(4));
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.True(_state.IsStale);
        Assert.Equal("connection lost — reconnecting", _state.Banner);
        Assert.Equal(["web-01"], _state.FleetRows().Select(r => r.Host));
        Assert.Equal("stale for 3s · Unavailable: gone · retry in 1s", _state.StatusLine("http://agg:7400"));
    }

    [Fact]
    public void The_next_snapshot_replaces_the_stale_rows_and_clears_the_banner()
    {
        Snapshot(Hosts.Web01(), Hosts.Db02());
        _state.ConnectionLost("Unavailable: gone", TimeSpan.FromSeconds(1));

        // db-02 was removed while we were away; web-01 keeps showing until the new snapshot ends.
        _state.HostUpserted(Hosts.Web01());
        Assert.Equal(2, _state.FleetRows().Count);
        _state.SnapshotEnded(Hosts.ServerTime);

        Assert.Equal(["web-01"], _state.FleetRows().Select(r => r.Host));
        Assert.False(_state.IsStale);
        Assert.Null(_state.Banner);
    }

    [Fact]
    public void A_half_received_snapshot_is_discarded_on_a_drop()
    {
        _state.HostUpserted(Hosts.Db02());
        _state.ConnectionLost("Unavailable: reset", TimeSpan.FromSeconds(1));
        Snapshot(Hosts.Web01());

        Assert.Equal(["web-01"], _state.FleetRows().Select(r => r.Host));
    }

    [Fact]
    public void Failing_to_connect_at_all_says_so_without_claiming_a_loss()
    {
        _state.ConnectionLost("Unavailable: Connection refused", TimeSpan.FromSeconds(2));

        Assert.Null(_state.Banner);
        Assert.False(_state.IsStale);
        Assert.Equal("cannot reach http://agg:7400 (Unavailable: Connection refused) · retry in 2s", _state.StatusLine("http://agg:7400"));
    }

    private void Snapshot(params HostSummary[] hosts)
    {
        foreach (HostSummary host in hosts)
        {
            _state.HostUpserted(host);
        }

        _state.SnapshotEnded(Hosts.ServerTime);
    }

    private FleetRow Row(string host) => _state.FleetRows().Single(r => r.Host == host);
}

using Google.Protobuf.WellKnownTypes;
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

    [Fact]
    public void Only_a_followed_host_keeps_its_whole_summary_the_others_their_card()
    {
        Snapshot(Hosts.Web01(), Hosts.Db02());
        Assert.Null(_state.Find("web-01"));
        Assert.Equal(12.34, _state.Card("web-01")!.Row.Readings.CpuBusyPct);

        _state.Follow("web-01");
        Assert.Null(_state.Find("web-01")); // nothing arrived since
        HostSummary next = Hosts.Web01();
        next.LastSequence++;
        _state.HostUpserted(next);
        _state.HostUpserted(Hosts.Db02());

        Assert.Same(next, _state.Find("web-01"));
        Assert.Null(_state.Find("db-02"));

        _state.Unfollow("web-01");
        _state.HostUpserted(Hosts.Web01());
        Assert.Null(_state.Find("web-01"));
    }

    [Fact]
    public void Two_views_follow_a_host_until_both_let_go_and_a_seed_never_replaces_a_newer_summary()
    {
        Snapshot(Hosts.Web01());
        _state.Follow("web-01");
        _state.Follow("web-01");
        HostSummary fromGetHost = Hosts.Web01();
        _state.Seed(fromGetHost);
        Assert.Same(fromGetHost, _state.Find("web-01"));

        HostSummary fromFeed = Hosts.Web01();
        _state.HostUpserted(fromFeed);
        _state.Seed(Hosts.Web01());
        Assert.Same(fromFeed, _state.Find("web-01"));

        _state.Unfollow("web-01");
        Assert.Same(fromFeed, _state.Find("web-01"));
        _state.Unfollow("web-01");
        Assert.Null(_state.Find("web-01"));
        _state.Seed(Hosts.Web01());
        Assert.Null(_state.Find("web-01"));
    }

    [Fact]
    public void A_hosts_next_card_shares_the_strings_that_did_not_change_and_its_age_follows_the_aggregators_clock()
    {
        Snapshot(Hosts.Web01());
        HostCard first = _state.Card("web-01")!;
        HostSummary next = Hosts.Web01();
        next.LastSeen = Timestamp.FromDateTimeOffset(Hosts.ServerTime.AddSeconds(-1));
        _state.HostUpserted(next);
        HostCard second = _state.Card("web-01")!;

        Assert.NotSame(first, second);
        Assert.Same(first.Host, second.Host);
        Assert.Same(first.Row.AgentVersion, second.Row.AgentVersion);
        Assert.Equal("1s", Row("web-01").LastSeen);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("6s", Row("web-01").LastSeen);
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

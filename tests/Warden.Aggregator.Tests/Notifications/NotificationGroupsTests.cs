using Warden.Aggregator.Notifications;
using static Warden.Aggregator.Tests.Notifications.NotificationTestBed;

namespace Warden.Aggregator.Tests.Notifications;

/// <summary>The grouping and timing rules on exact instants: wait, interval, repeat, resolve, caps.</summary>
public sealed class NotificationGroupsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(300);
    private static readonly TimeSpan Repeat = TimeSpan.FromSeconds(3600);
    private readonly NotificationCounters _counters = new();

    [Fact]
    public void A_new_group_waits_group_wait_then_sends_everything_that_arrived_meanwhile()
    {
        var groups = Groups();
        groups.Add(Notice("a"), Start);
        groups.Add(Notice("b"), Start + TimeSpan.FromSeconds(20));
        groups.Add(Notice("c", check: "memory_available"), Start + TimeSpan.FromSeconds(25));

        Assert.Empty(groups.TakeDue(Start + Wait - TimeSpan.FromSeconds(1)));
        var disk = Assert.Single(groups.TakeDue(Start + Wait));
        Assert.Empty(groups.TakeDue(Start + TimeSpan.FromSeconds(54)));
        var memory = Assert.Single(groups.TakeDue(Start + TimeSpan.FromSeconds(55)));

        Assert.Equal(["a", "b"], disk.Notices.Select(n => n.IncidentId));
        Assert.Equal(["c"], memory.Notices.Select(n => n.IncidentId));
        Assert.False(disk.Repeat || memory.Repeat);
    }

    [Fact]
    public void A_change_after_the_first_message_waits_for_the_group_interval_and_resends_the_whole_group()
    {
        var groups = Groups();
        groups.Add(Notice("a"), Start);
        Assert.Single(groups.TakeDue(Start + Wait));

        groups.Add(Notice("b"), Start + Wait + TimeSpan.FromSeconds(1));
        Assert.Empty(groups.TakeDue(Start + Wait + Interval - TimeSpan.FromSeconds(1)));
        var next = Assert.Single(groups.TakeDue(Start + Wait + Interval));

        Assert.Equal(["a", "b"], next.Notices.Select(n => n.IncidentId));
        Assert.Empty(groups.TakeDue(Start + Wait + (2 * Interval)));
    }

    [Fact]
    public void Still_firing_incidents_are_sent_again_after_the_repeat_interval_and_not_before()
    {
        var groups = Groups();
        groups.Add(Notice("a"), Start);
        Assert.Single(groups.TakeDue(Start + Wait));

        var quiet = Enumerable.Range(1, 11).SelectMany(i => groups.TakeDue(Start + Wait + (i * Interval))).ToList();
        var repeated = Assert.Single(groups.TakeDue(Start + Wait + (12 * Interval)));

        Assert.Empty(quiet);
        Assert.True(repeated.Repeat);
        Assert.Equal(["a"], repeated.Notices.Select(n => n.IncidentId));
    }

    [Fact]
    public void A_resolved_incident_is_sent_once_as_resolved_and_an_empty_group_is_forgotten()
    {
        var groups = Groups();
        groups.Add(Notice("a"), Start);
        groups.TakeDue(Start + Wait);

        groups.Add(Notice("a", NoticeKind.Resolved, at: Start + TimeSpan.FromSeconds(60)), Start + TimeSpan.FromSeconds(60));
        var resolved = Assert.Single(groups.TakeDue(Start + Wait + Interval));

        Assert.Equal("resolved", resolved.Status);
        Assert.Equal(1, resolved.ResolvedCount);
        Assert.Equal(0, groups.Count);
        Assert.Empty(groups.TakeDue(Start + Wait + Repeat + Interval));
    }

    [Fact]
    public void A_resolved_notice_for_an_incident_nobody_holds_is_routed_and_sent()
    {
        var groups = Groups();
        groups.Add(Notice("silenced", NoticeKind.Resolved), Start);

        var message = Assert.Single(groups.TakeDue(Start + Wait));

        Assert.Equal("resolved", message.Status);
        Assert.Equal(["silenced"], message.Notices.Select(n => n.IncidentId));
    }

    [Fact]
    public void Escalations_route_to_their_receiver_and_the_resolve_reaches_every_receiver_that_was_told()
    {
        var options = OptionsFor(("ops", new ReceiverOptions()), ("pager", new ReceiverOptions()));
        options.DefaultReceivers = ["ops"];
        options.Routes = [new RouteOptions { Kinds = ["Escalated"], MinEscalationLevel = 1, Receivers = ["pager"] }];
        var groups = new NotificationGroups(options, _counters);

        groups.Add(Notice("a"), Start);
        groups.Add(Notice("a", NoticeKind.Escalated, escalationLevel: 1, at: Start + TimeSpan.FromSeconds(10)), Start + TimeSpan.FromSeconds(10));
        var first = groups.TakeDue(Start + TimeSpan.FromSeconds(40));
        groups.Add(Notice("a", NoticeKind.Resolved, at: Start + TimeSpan.FromSeconds(50)), Start + TimeSpan.FromSeconds(50));
        var resolved = groups.TakeDue(Start + TimeSpan.FromSeconds(40) + Interval);

        Assert.Equal(NoticeKind.Firing, first.Single(m => m.Receiver == "ops").Notices.Single().Kind);
        Assert.Equal(NoticeKind.Escalated, first.Single(m => m.Receiver == "pager").Notices.Single().Kind);
        Assert.Equal(["ops", "pager"], resolved.Select(m => m.Receiver).Order());
        Assert.All(resolved, m => Assert.Equal("resolved", m.Status));
    }

    [Fact]
    public void The_first_matching_route_wins_unless_it_continues_and_unmatched_notices_go_to_the_default()
    {
        var options = OptionsFor(("a", new ReceiverOptions()), ("b", new ReceiverOptions()), ("c", new ReceiverOptions()));
        options.DefaultReceivers = ["c"];
        options.Routes =
        [
            new RouteOptions { Severities = ["P0"], Receivers = ["a"], Continue = true },
            new RouteOptions { Severities = ["P0", "P1"], Receivers = ["b"] },
            new RouteOptions { Labels = new() { ["check"] = "disk_space" }, Receivers = ["a"] },
        ];
        var groups = new NotificationGroups(options, _counters);

        groups.Add(Notice("p0", severity: "P0", check: "cpu"), Start);
        groups.Add(Notice("p1", severity: "P1", check: "cpu"), Start);
        groups.Add(Notice("disk", severity: "P3"), Start);
        groups.Add(Notice("other", severity: "P3", check: "cpu"), Start);
        var due = groups.TakeDue(Start + Wait);

        string[] To(string id) => [.. due.Where(m => m.Notices.Any(n => n.IncidentId == id)).Select(m => m.Receiver).Order()];
        Assert.Equal(["a", "b"], To("p0"));
        Assert.Equal(["b"], To("p1"));
        Assert.Equal(["a"], To("disk"));
        Assert.Equal(["c"], To("other"));
    }

    [Fact]
    public void A_notice_no_route_wants_is_counted_as_unrouted()
    {
        var options = OptionsFor(("a", new ReceiverOptions()));
        options.DefaultReceivers = [];

        Assert.False(new NotificationGroups(options, _counters).Add(Notice("x"), Start));
        Assert.Equal(1, _counters.Unrouted);
    }

    [Fact]
    public void Beyond_the_caps_notices_are_dropped_counted_and_reported_in_the_next_message()
    {
        var options = OptionsFor(("a", new ReceiverOptions()));
        options.MaxGroups = 2;
        options.MaxNoticesPerGroup = 3;
        var groups = new NotificationGroups(options, _counters);

        foreach (var i in Enumerable.Range(0, 5))
        {
            groups.Add(Notice($"d{i}"), Start);
        }
        groups.Add(Notice("m", check: "memory_available"), Start);
        groups.Add(Notice("c", check: "cpu"), Start);
        groups.Add(Notice("d0", at: Start + TimeSpan.FromSeconds(1)), Start);
        var due = groups.TakeDue(Start + Wait);

        Assert.Equal(2, _counters.Dropped(DropReason.GroupFull));
        Assert.Equal(1, _counters.Dropped(DropReason.GroupLimit));
        var disk = due.Single(m => m.GroupLabels["check"] == "disk_space");
        Assert.Equal((3, 2), (disk.Notices.Count, disk.Dropped));
        Assert.Equal(2, due.Count);
    }

    [Fact]
    public void A_message_handed_back_is_sent_again_at_the_next_interval_even_after_its_group_was_forgotten()
    {
        var groups = Groups();
        groups.Add(Notice("a", NoticeKind.Resolved), Start);
        var failed = Assert.Single(groups.TakeDue(Start + Wait));
        Assert.Equal(0, groups.Count);

        groups.Return(failed, Start + Wait + TimeSpan.FromSeconds(5));
        Assert.Empty(groups.TakeDue(Start + Wait + Interval));
        var again = Assert.Single(groups.TakeDue(Start + Wait + TimeSpan.FromSeconds(5) + Interval));

        Assert.Equal(failed.Notices, again.Notices);
    }

    [Fact]
    public void An_incident_raised_to_a_worse_severity_moves_to_its_new_group_and_is_resolved_once_never_repeated_at_the_old_severity()
    {
        var options = OptionsFor(("ops", new ReceiverOptions()));
        options.GroupBy = ["severity", "check"];
        var groups = new NotificationGroups(options, _counters);
        groups.Add(Notice("a", severity: "P4"), Start);
        Assert.Equal("P4", Assert.Single(Assert.Single(groups.TakeDue(Start + Wait)).Notices).Severity);

        var raised = Start + TimeSpan.FromSeconds(60);
        groups.Add(Notice("a", severity: "P2", at: raised), raised);
        var resolvedAt = raised + TimeSpan.FromSeconds(60);
        groups.Add(Notice("a", NoticeKind.Resolved, severity: "P2", at: resolvedAt), resolvedAt);
        var sent = Enumerable.Range(1, 3 * 3600).SelectMany(s => groups.TakeDue(Start + Wait + TimeSpan.FromSeconds(s))).ToList();

        var message = Assert.Single(sent); // the P2 group's first message already says it is resolved; the P4 group let it go
        Assert.Equal(("P2", NoticeKind.Resolved), (message.GroupLabels["severity"], Assert.Single(message.Notices).Kind));
        Assert.Equal(0, groups.Count);
    }

    private NotificationGroups Groups() => new(OptionsFor(("ops", new ReceiverOptions())), _counters);
}

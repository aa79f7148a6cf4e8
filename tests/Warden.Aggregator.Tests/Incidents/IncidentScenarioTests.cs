using Warden.Aggregator.Fleet;
using Warden.Aggregator.Incidents;
using Warden.Aggregator.Notifications;
using Warden.Proto.V1;
using IncidentScope = Warden.Aggregator.Incidents.IncidentScope;
using IncidentState = Warden.Aggregator.Incidents.IncidentState;
using Severity = Warden.Aggregator.Incidents.Severity;

namespace Warden.Aggregator.Tests.Incidents;

/// <summary>The scenarios, end to end through the engine: exact incidents, severities, correlations and notices.</summary>
public sealed class IncidentScenarioTests
{
    private const string Disk = "disk_space:/var";

    [Fact]
    public async Task One_hosts_disk_filling_is_one_incident_raised_from_P4_to_P2_then_resolved_when_OK_for_the_stretch()
    {
        await using var h = new EngineHarness(fleetSize: 10);
        await h.Samples("web-01", Fs(72), Score(90));
        await h.Advance(TimeSpan.FromSeconds(10));
        await h.Samples("web-01", Fs(86), Score(85));
        await h.Transition("web-01", "storage", Disk, CheckState.Ok, CheckState.Warn, StateType.Soft, 86);
        await h.Advance(TimeSpan.FromSeconds(3));
        Assert.Empty(h.Incidents()); // SOFT: not yet a failure the default rules classify

        await h.Transition("web-01", "storage", Disk, CheckState.Warn, CheckState.Warn, StateType.Hard, 87);
        var opened = Assert.Single(h.Incidents());
        Assert.Equal((Severity.P4, "warning", IncidentScope.Host), (opened.Severity, opened.Rule, opened.Scope));
        await h.Advance(TimeSpan.FromSeconds(60));

        await h.Samples("web-01", Fs(96), Score(40));
        await h.Transition("web-01", "storage", Disk, CheckState.Warn, CheckState.Crit, StateType.Hard, 96, "/var 96% used, crit at 95%");
        await h.Heal("web-01", "storage", Disk, HealOutcome.Started, runs: 1);
        await h.Advance(TimeSpan.FromSeconds(20));
        await h.Heal("web-01", "storage", Disk, HealOutcome.Failed, runs: 1);
        await h.Advance(TimeSpan.FromSeconds(60));

        await h.Transition("web-01", "storage", Disk, CheckState.Crit, CheckState.Ok, StateType.Hard, 60);
        await h.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(IncidentState.Open, Assert.Single(h.Incidents()).State); // OK, but not yet for the whole stretch
        await h.Advance(TimeSpan.FromMinutes(1));

        var incident = Assert.Single(h.Incidents());
        Assert.Equal((Severity.P2, "disk-critical", IncidentState.Resolved, "warden"), (incident.Severity, incident.Rule, incident.State, incident.ResolvedBy));
        Assert.Equal(["web-01"], incident.Hosts);
        Assert.Equal(["WARN", "CRIT", "OK"], incident.Evidence.Transitions.Select(t => t.To));
        Assert.Equal(["STARTED", "FAILED"], incident.Evidence.Heals.Select(x => x.Outcome));
        Assert.Contains(incident.Evidence.Readings, r => r.Name == "fs.used_pct" && r.Subject == "/var" && r.Last == 86);
        Assert.Equal(0, incident.EscalationLevel); // checks OK again before the P2 SLA ran out
        Assert.Equal(["detected", "classified", "classified", "heal", "heal", "recovered", "resolved"], incident.Timeline.Select(t => t.Kind));
        Assert.Equal(
            [$"Firing P4 {Disk} failing on web-01", $"Firing P2 {Disk} failing on web-01", $"Resolved P2 {Disk} failing on web-01"],
            h.Notices.Lines);
    }

    [Fact]
    public async Task The_same_check_failing_on_20_hosts_is_one_fleet_incident_with_20_children_and_one_notice()
    {
        await using var h = new EngineHarness(fleetSize: 40);
        for (var i = 1; i <= 20; i++)
        {
            await h.Transition(EngineHarness.HostName(i), "storage", Disk, CheckState.Ok, CheckState.Crit, value: 97);
            if (i % 4 == 0)
            {
                await h.Advance(TimeSpan.FromSeconds(1));
            }
        }
        await h.Advance(TimeSpan.FromSeconds(15));

        var incidents = h.Incidents();
        var fleet = Assert.Single(incidents, i => i.IsActive);
        Assert.Equal((IncidentScope.Fleet, Severity.P2, $"{Disk} failing on 20 hosts"), (fleet.Scope, fleet.Severity, fleet.Title));
        Assert.Equal(Enumerable.Range(1, 20).Select(EngineHarness.HostName), fleet.Hosts.Order());
        Assert.All(fleet.Children, c => Assert.True(c.Failing));
        // The first K-1 hosts and the K-th opened host incidents; the fleet incident took them over before anyone was told.
        var merged = incidents.Where(i => i.MergedInto is not null).ToList();
        Assert.Equal(5, merged.Count);
        Assert.All(merged, i => Assert.Equal((fleet.Id, NotifiedState.None), (i.MergedInto!.Value, i.Notified)));
        Assert.Equal(6, incidents.Count);
        var notice = Assert.Single(h.Notices.All);
        Assert.Equal((NoticeKind.Firing, "P2", 20, "fleet"), (notice.Kind, notice.Severity, notice.Hosts.Count, notice.Labels["scope"]));
    }

    [Fact]
    public async Task Host_incidents_already_told_are_resolved_into_the_fleet_incident_that_takes_them_over()
    {
        await using var h = new EngineHarness(fleetSize: 40);
        for (var i = 1; i <= 5; i++)
        {
            await h.Transition(EngineHarness.HostName(i), "storage", Disk, CheckState.Ok, CheckState.Crit, value: 97);
            await h.Advance(TimeSpan.FromSeconds(30)); // slower than the notify hold: each host is told on its own
        }

        var fleet = Assert.Single(h.Incidents(), i => i.IsActive);
        Assert.Equal(5, fleet.Hosts.Count());
        var told = h.Notices.All;
        Assert.Equal(4, told.Count(n => n.Kind == NoticeKind.Firing && n.Hosts.Count == 1));
        Assert.Equal(4, told.Count(n => n.Kind == NoticeKind.Resolved && n.Labels["merged_into"] == fleet.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal($"Firing P2 {Disk} failing on 5 hosts", h.Notices.Lines[^1]);
        Assert.Equal(9, told.Count); // web-05's own incident was taken over before anyone was told of it
    }

    [Fact]
    public async Task A_service_failing_on_a_quarter_of_the_fleet_is_a_P0_fleet_incident()
    {
        await using var h = new EngineHarness(fleetSize: 40);
        for (var i = 1; i <= 10; i++)
        {
            await h.Transition(EngineHarness.HostName(i), "service", "process_running:nginx", CheckState.Ok, CheckState.Crit);
        }
        await h.Advance(TimeSpan.FromSeconds(11));

        var fleet = Assert.Single(h.Incidents(), i => i.IsActive);
        Assert.Equal((IncidentScope.Fleet, Severity.P0, "service-down-fleet", 10), (fleet.Scope, fleet.Severity, fleet.Rule, fleet.Hosts.Count()));
        Assert.Equal(["Firing P0 process_running:nginx failing on 10 hosts"], h.Notices.Lines);
    }

    [Fact]
    public async Task Thirty_percent_of_hosts_going_silent_at_once_is_one_suspected_partition_not_host_incidents()
    {
        await using var h = new EngineHarness(fleetSize: 50);
        for (var i = 1; i <= 15; i++)
        {
            await h.Liveness(EngineHarness.HostName(i), HostLiveness.Silent);
            if (i % 8 == 0)
            {
                await h.Advance(TimeSpan.FromSeconds(1));
            }
        }
        await h.Advance(TimeSpan.FromSeconds(45)); // past the silent-host hold: still no host incidents

        var partition = Assert.Single(h.Incidents());
        Assert.Equal((IncidentScope.Partition, Severity.P1, "suspected network partition: 15 hosts silent"), (partition.Scope, partition.Severity, partition.Title));
        Assert.Equal(Enumerable.Range(1, 15).Select(EngineHarness.HostName), partition.Hosts.Order());
        Assert.Equal(50, partition.Evidence.Counters["fleet_size"]);
        Assert.Equal(["Firing P1 suspected network partition: 15 hosts silent"], h.Notices.Lines);

        for (var i = 1; i <= 15; i++)
        {
            await h.Liveness(EngineHarness.HostName(i), HostLiveness.Online);
        }
        await h.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(IncidentState.Resolved, Assert.Single(h.Incidents()).State);
        Assert.Equal(NoticeKind.Resolved, h.Notices.All[^1].Kind);
    }

    [Fact]
    public async Task One_silent_host_is_a_P2_once_the_hold_has_passed()
    {
        await using var h = new EngineHarness(fleetSize: 50);
        await h.Liveness("web-07", HostLiveness.Silent);
        await h.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(h.Incidents());
        await h.Advance(TimeSpan.FromSeconds(12));

        var incident = Assert.Single(h.Incidents());
        Assert.Equal((IncidentScope.Host, Severity.P2, "web-07 is silent"), (incident.Scope, incident.Severity, incident.Title));
        Assert.Equal(["Firing P2 web-07 is silent"], h.Notices.Lines);
    }

    [Fact]
    public async Task A_flapping_check_is_one_incident_reopened_and_its_repeat_notices_are_held_back()
    {
        var options = new IncidentOptions { AutoResolveAfter = TimeSpan.FromMinutes(1), FlapChanges = 6, FlapWindow = TimeSpan.FromMinutes(10) };
        await using var h = new EngineHarness(options, fleetSize: 10);
        // CRIT for 30 s, then OK; it resolves after 60 s OK and fails again 30 s later: every 2 minutes, six times.
        for (var cycle = 0; cycle < 6; cycle++)
        {
            await h.Transition("web-02", "network", "tcp_retransmits", CheckState.Ok, CheckState.Crit, value: 7.5);
            await h.Advance(TimeSpan.FromSeconds(30));
            await h.Transition("web-02", "network", "tcp_retransmits", CheckState.Crit, CheckState.Ok, value: 0.2);
            await h.Advance(TimeSpan.FromSeconds(90));
        }
        var incident = Assert.Single(h.Incidents());
        Assert.Equal((IncidentState.Resolved, 5, true), (incident.State, incident.ReopenCount, incident.Flapping));
        Assert.Equal(
            [NoticeKind.Firing, NoticeKind.Resolved, NoticeKind.Reopened, NoticeKind.Resolved, NoticeKind.Reopened],
            h.Notices.All.Select(n => n.Kind));

        // Quiet for long enough: it stops flapping and the receivers hear it is resolved.
        await h.Advance(TimeSpan.FromMinutes(5));
        incident = Assert.Single(h.Incidents());
        Assert.False(incident.Flapping);
        Assert.Equal(1, incident.Evidence.Counters["flapping_episodes"]);
        Assert.Equal(5, incident.Evidence.Counters["reopens"]);
        Assert.Equal(NoticeKind.Resolved, h.Notices.All[^1].Kind);
        Assert.Equal(6, h.Notices.All.Count);
    }

    [Fact]
    public async Task A_silence_during_an_incident_holds_back_notices_but_not_recording_and_resolved_is_still_sent()
    {
        await using var h = new EngineHarness(fleetSize: 10);
        await h.Transition("web-01", "service", "process_running:nginx", CheckState.Ok, CheckState.Crit);
        await h.Advance(TimeSpan.FromSeconds(15));
        var silence = await h.Engine.SilenceAsync(new Silence { Host = "web-01", EndsAt = h.Time.GetUtcNow().UtcDateTime.AddHours(1), Comment = "planned nginx upgrade" }, "alice");
        await h.Advance(TimeSpan.FromSeconds(60)); // past the P1 SLA: escalated, but not told

        await h.Transition("web-01", "storage", Disk, CheckState.Ok, CheckState.Crit, value: 97);
        await h.Advance(TimeSpan.FromSeconds(15));
        await h.Transition("web-01", "service", "process_running:nginx", CheckState.Crit, CheckState.Ok);
        await h.Advance(TimeSpan.FromMinutes(5));

        var incidents = h.Incidents();
        Assert.Equal(2, incidents.Count);
        var service = incidents[0];
        Assert.Equal((IncidentState.Resolved, 1), (service.State, service.EscalationLevel));
        Assert.Contains(service.Timeline, t => t.Kind == "suppressed" && t.Text.Contains("planned nginx upgrade", StringComparison.Ordinal));
        Assert.Equal(IncidentState.Open, incidents[1].State);
        Assert.Equal(["Firing P1 process_running:nginx failing on web-01", "Resolved P1 process_running:nginx failing on web-01"], h.Notices.Lines);

        await h.Engine.ExpireSilenceAsync(silence.Id, "alice", "upgrade done");
        await h.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal($"Firing P2 {Disk} failing on web-01", h.Notices.Lines[^1]);
        Assert.Equal(["silence", "expire-silence"], h.Store.Audit(null, null, 100).Where(a => a.SilenceId == silence.Id).Select(a => a.Action).Reverse());
    }

    [Fact]
    public async Task An_unacknowledged_P1_escalates_at_its_SLA_and_every_SLA_after_until_acknowledged()
    {
        await using var h = new EngineHarness(fleetSize: 10);
        await h.Transition("web-03", "system", "memory_pressure", CheckState.Ok, CheckState.Crit, value: 62);
        await h.Advance(TimeSpan.FromSeconds(5));
        await h.Heal("web-03", "system", "memory_pressure", HealOutcome.Exhausted);
        await h.Advance(TimeSpan.FromSeconds(150));
        var incident = Assert.Single(h.Incidents());
        await h.Engine.AcknowledgeAsync(incident.Id, "bob", "looking at the leak");
        await h.Advance(TimeSpan.FromMinutes(5));

        incident = Assert.Single(h.Incidents());
        Assert.Equal((Severity.P1, "heal-exhausted", IncidentState.Acknowledged, "bob", 2), (incident.Severity, incident.Rule, incident.State, incident.AcknowledgedBy, incident.EscalationLevel));
        Assert.Equal([NoticeKind.Firing, NoticeKind.Escalated, NoticeKind.Escalated], h.Notices.All.Select(n => n.Kind));
        Assert.Equal(["1", "2"], h.Notices.All.Where(n => n.Kind == NoticeKind.Escalated).Select(n => n.Labels["escalation_level"]));
        Assert.All(h.Notices.All, n => Assert.Equal("P1", n.Severity));
        var audit = h.Store.Audit(incident.Id, null, 100).Reverse().Select(a => (a.Actor, a.Action)).ToList();
        Assert.Equal([("warden", "open"), ("warden", "raise"), ("warden", "escalate"), ("warden", "escalate"), ("bob", "acknowledge")], audit);
    }

    [Fact]
    public async Task Incidents_silences_and_their_state_survive_a_restart_of_the_engine()
    {
        using var dir = new ScratchDirectory();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(EngineHarness.T0);
        long id;
        await using (var before = new EngineHarness(dir: dir, time: time, fleetSize: 3))
        {
            await before.Transition("web-01", "storage", Disk, CheckState.Ok, CheckState.Crit, value: 97);
            await before.Advance(TimeSpan.FromSeconds(12));
            id = Assert.Single(before.Incidents()).Id;
        }

        await using var after = new EngineHarness(dir: dir, time: time);
        await after.Transition("web-01", "storage", Disk, CheckState.Crit, CheckState.Ok, value: 50);
        await after.Advance(TimeSpan.FromMinutes(5));
        var incident = Assert.Single(after.Incidents());
        Assert.Equal((id, IncidentState.Resolved), (incident.Id, incident.State));
        Assert.Equal([NoticeKind.Resolved], after.Notices.All.Select(n => n.Kind)); // it was told Firing before the restart

        await after.Transition("web-01", "storage", Disk, CheckState.Ok, CheckState.Crit, value: 98);
        Assert.Equal((id, 1), (Assert.Single(after.Incidents()).Id, Assert.Single(after.Incidents()).ReopenCount));
    }

    private static Reading Fs(double usedPct) => new() { Name = "fs.used_pct", Subject = "/var", Last = usedPct, Min = usedPct - 1, Max = usedPct, Count = 10 };

    private static Reading Score(double score) => new() { Name = "score.storage", Last = score, Min = score, Max = score, Count = 10 };
}

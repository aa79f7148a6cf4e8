extern alias fleetsim;

using Warden.Proto.V1;
using fleetsim::Warden.FleetSim.Faults;
using SimHeal = fleetsim::Warden.Proto.V1.HealOutcome;

namespace Warden.Aggregator.Tests.Scenarios;

/// <summary>Issue 5's one-host scenarios, simulated agents over real gRPC: a disk filling up, a flapping check.</summary>
public sealed class HostScenarioTests
{
    [Fact]
    public async Task One_hosts_disk_filling_is_one_incident_raised_from_WARN_P4_to_CRIT_P2_escalated_at_its_SLA_and_resolved_when_OK_for_the_stretch()
    {
        await using var site = await ScenarioSite.StartAsync(hosts: 20);
        var web3 = site.Host(3);
        var disk = new DiskFilling("/var", startPct: 80, pctPerMinute: 2); // WARN from 85 % (2.5 min), CRIT from 95 % (7.5 min)
        web3.Inject(disk);
        await site.AdvanceAsync(TimeSpan.FromMinutes(8));
        await web3.HealAsync("storage", disk.Check, SimHeal.Started, "clean-directory /var/log");
        await site.AdvanceAsync(TimeSpan.FromSeconds(20));
        await web3.HealAsync("storage", disk.Check, SimHeal.Failed, "clean-directory /var/log");
        await site.AdvanceAsync(TimeSpan.FromSeconds(40));
        disk.Free(60); // an operator makes room at +9:00; the next result is OK
        await site.AdvanceAsync(TimeSpan.FromSeconds(390));

        var incident = Assert.Single(await site.IncidentsAsync());
        Assert.Equal(["#1 P2 resolved host disk-critical: disk_space:/var failing on sim-00003"], await site.IncidentLinesAsync());
        Assert.Equal(("host:sim-00003|disk_space:/var", "warden", 1u), (incident.Fingerprint, incident.ResolvedBy, incident.EscalationLevel));
        var detail = await site.DetailAsync(incident.Id);
        // WARN turned HARD at +3:00 (third result over 85 %), CRIT at +7:40, OK at +9:10; resolved 5 min later.
        Assert.Equal(
            [(CheckState.Warn, StateType.Hard, "10:03:00"), (CheckState.Crit, StateType.Hard, "10:07:40"), (CheckState.Ok, StateType.Hard, "10:09:10")],
            detail.Transitions.Select(t => (t.Transition.ToState, t.Transition.StateType, $"{t.At.ToDateTime():HH:mm:ss}")));
        Assert.Contains("full in", detail.Transitions[1].Transition.Reason, StringComparison.Ordinal);
        Assert.Equal([HealOutcome.Started, HealOutcome.Failed], detail.Heals.Select(h => h.Heal.Outcome));
        Assert.Contains(detail.Readings, r => r.Reading is { Name: "disk.used_pct", Subject: "/var", Last: > 85 and < 86 });
        Assert.Equal(["detected", "classified", "classified", "escalated", "heal", "heal", "recovered", "resolved"], detail.Timeline.Select(t => t.Kind));
        Assert.Equal([("warden", "open"), ("warden", "raise"), ("warden", "escalate"), ("warden", "resolve")], await site.AuditAsync(incident.Id));
        // The P2 SLA runs from when the incident opened (as P4, +3:00): it escalated at +8:00, to on-call only.
        Assert.Equal(
        [
            "+03:40 chat firing: firing P4 #1 disk_space:/var failing on sim-00003",
            "+08:01 mail to oncall@site.test: [Warden] FIRING P2: disk_space:/var failing on sim-00003 / [ESCALATED] P2 disk_space:/var failing on sim-00003",
            "+08:10 chat firing: firing P2 #1 disk_space:/var failing on sim-00003",
            "+15:01 mail to oncall@site.test: [Warden] RESOLVED P2: disk_space:/var failing on sim-00003 / [RESOLVED] P2 disk_space:/var failing on sim-00003",
            "+15:10 chat resolved: resolved P2 #1 disk_space:/var failing on sim-00003 (level 1)",
        ], site.Delivered);
    }

    [Fact]
    public async Task A_flapping_check_is_one_incident_reopened_five_times_whose_repeat_notices_wait_until_it_calms_down()
    {
        await using var site = await ScenarioSite.StartAsync(hosts: 10, o => o.Incidents.AutoResolveAfter = TimeSpan.FromMinutes(1));
        // From +0:10, every 2 minutes: CRIT for 30 s (HARD at its third result), then OK; resolved after 1 min OK, then it fails again.
        site.Host(2).Inject(new FlappingCheck("network", "tcp_retransmits", failFor: TimeSpan.FromSeconds(30), okFor: TimeSpan.FromSeconds(90), cycles: 6,
            failValue: 7.5, okValue: 0.2));
        await site.AdvanceAsync(TimeSpan.FromMinutes(12));

        var incident = Assert.Single(await site.IncidentsAsync());
        Assert.Equal("#1 P3 resolved host critical: tcp_retransmits failing on sim-00002", DeliveredLines.Incident(incident));
        Assert.Equal((5u, true, 6u), (incident.ReopenCount, incident.Flapping, incident.Occurrences));
        const string Title = "P3 #1 tcp_retransmits failing on sim-00002";
        string[] beforeFlapping =
        [
            $"+01:10 chat firing: firing {Title}",
            $"+02:10 chat resolved: resolved {Title}",
            $"+03:00 chat firing: reopened {Title}",
            $"+04:00 chat resolved: resolved {Title}",
            $"+05:00 chat firing: reopened {Title}", // flapping from +4:40 (six changes in 10 min): the rest is held back
        ];
        Assert.Equal(beforeFlapping, site.Delivered);

        await site.AdvanceAsync(TimeSpan.FromMinutes(5));
        incident = Assert.Single(await site.IncidentsAsync());
        Assert.False(incident.Flapping); // fewer than six changes in the last 10 min from +16:11: its resolve is told
        Assert.Equal([.. beforeFlapping, $"+17:00 chat resolved: resolved {Title}"], site.Delivered);
        var detail = await site.DetailAsync(incident.Id);
        Assert.Equal((1L, 5L), (detail.Counters["flapping_episodes"], detail.Counters["reopens"]));
        Assert.Equal(["flapping", "flapping"], detail.Timeline.Where(t => t.Kind == "flapping").Select(t => t.Kind));
        var audit = await site.AuditAsync(incident.Id);
        Assert.Equal(
            [("warden", "open"), .. Enumerable.Repeat<(string, string)[]>([("warden", "resolve"), ("warden", "reopen")], 5).SelectMany(p => p), ("warden", "resolve")],
            audit);
    }
}

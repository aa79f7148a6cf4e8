extern alias fleetsim;

using Google.Protobuf.WellKnownTypes;
using Warden.Proto.V1;
using SimState = fleetsim::Warden.Proto.V1.CheckState;

namespace Warden.Aggregator.Tests.Scenarios;

/// <summary>Issue 5's scenarios where operators act over the real operator API: a silence during an incident, an unacknowledged P1 escalating.</summary>
public sealed class OperatorScenarioTests
{
    private const string Nginx = "process_running:nginx";

    [Fact]
    public async Task A_silence_during_an_incident_holds_back_its_escalations_and_new_incidents_but_not_their_recording_and_the_resolve_is_still_sent()
    {
        await using var site = await ScenarioSite.StartAsync(hosts: 10);
        var web1 = site.Host(1);
        await web1.FailCheckAsync("service", Nginx, SimState.Crit, 0, "running", "no nginx process");
        await site.AdvanceAsync(TimeSpan.FromSeconds(45)); // chat and ops were told at +0:40
        var silence = await site.Operator.SilenceAsync(new SilenceRequest
        {
            Host = web1.Name, Comment = "planned nginx upgrade", EndsAt = Timestamp.FromDateTimeOffset(site.Clock.GetUtcNow().AddHours(1)),
        }, ScenarioSite.As("alice"));
        await site.AdvanceAsync(TimeSpan.FromSeconds(45)); // +1:00: the P1 escalates, and on-call is not paged
        await web1.FailCheckAsync("storage", "disk_space:/var", SimState.Crit, 97, "warn 85, crit 95", "/var 97.0% used");
        await site.AdvanceAsync(TimeSpan.FromSeconds(30));
        await web1.RecoverCheckAsync(Nginx); // +2:00
        await site.AdvanceAsync(TimeSpan.FromMinutes(6));

        Assert.Equal(
        [
            "#1 P1 resolved host service-down: process_running:nginx failing on sim-00001",
            "#2 P2 open host disk-critical: disk_space:/var failing on sim-00001",
        ], await site.IncidentLinesAsync());
        var (nginx, disk) = (await site.IncidentsAsync()) is [var a, var b] ? (a, b) : throw new InvalidOperationException("two incidents expected");
        Assert.Equal((2u, 1u), (nginx.EscalationLevel, disk.EscalationLevel)); // recorded while silenced
        Assert.Equal("silence 1 (host=sim-00001)", disk.SilencedBy);
        var timeline = (await site.DetailAsync(nginx.Id)).Timeline;
        Assert.Contains(timeline, t => t.Kind == "suppressed" && t.Text.EndsWith("planned nginx upgrade", StringComparison.Ordinal));
        Assert.Equal(2, timeline.Count(t => t.Kind == "escalated"));
        string[] whileSilenced =
        [
            "+00:40 chat firing: firing P1 #1 process_running:nginx failing on sim-00001",
            "+00:40 mail to ops@site.test: [Warden] FIRING P1: process_running:nginx failing on sim-00001 / [FIRING] P1 process_running:nginx failing on sim-00001",
            "+07:40 chat resolved: resolved P1 #1 process_running:nginx failing on sim-00001 (level 2)",
            "+07:40 mail to ops@site.test: [Warden] RESOLVED P1: process_running:nginx failing on sim-00001 / [RESOLVED] P1 process_running:nginx failing on sim-00001",
        ];
        Assert.Equal(whileSilenced, site.Delivered);

        await site.Operator.ExpireSilenceAsync(new ExpireSilenceRequest { Id = silence.Id, Comment = "upgrade done" }, ScenarioSite.As("alice"));
        await site.AdvanceAsync(TimeSpan.FromSeconds(90)); // +8:00 -> +9:30: the disk incident is told now
        Assert.Equal([.. whileSilenced, "+08:31 chat firing: firing P2 #2 disk_space:/var failing on sim-00001 (level 1)"], site.Delivered);
        Assert.Equal("", (await site.IncidentsAsync())[1].SilencedBy);
        var audit = await site.Operator.ListAuditAsync(new ListAuditRequest());
        Assert.Equal([("alice", "silence"), ("alice", "expire-silence")],
            audit.Entries.Where(e => e.SilenceId == silence.Id).Reverse().Select(e => (e.Actor, e.Action)));
    }

    [Fact]
    public async Task An_unacknowledged_P1_escalates_at_its_SLA_and_every_SLA_after_until_an_operator_acknowledges_it()
    {
        await using var site = await ScenarioSite.StartAsync(hosts: 10);
        var web4 = site.Host(4);
        await web4.FailCheckAsync("system", "memory_available", SimState.Crit, 3.5, "warn 10, crit 5", "3.5% of memory available");
        await web4.ExhaustHealingAsync("system", "memory_available", "restart-unit java-batch.service"); // three runs fail: heal-exhausted
        await site.AdvanceAsync(TimeSpan.FromSeconds(150));
        var incident = Assert.Single(await site.IncidentsAsync());
        await site.Operator.AcknowledgeAsync(new AcknowledgeRequest { Id = incident.Id, Comment = "looking at the leak" }, ScenarioSite.As("bob"));
        await site.AdvanceAsync(TimeSpan.FromMinutes(5));

        incident = Assert.Single(await site.IncidentsAsync());
        Assert.Equal("#1 P1 acknowledged host heal-exhausted: memory_available failing on sim-00004", DeliveredLines.Incident(incident));
        Assert.Equal(("bob", 2u), (incident.AcknowledgedBy, incident.EscalationLevel));
        Assert.Equal(ScenarioSite.T0.AddSeconds(60), incident.SlaDeadline.ToDateTimeOffset());
        var detail = await site.DetailAsync(incident.Id);
        Assert.Equal([.. Enumerable.Repeat<HealOutcome[]>([HealOutcome.Started, HealOutcome.Failed], 3).SelectMany(p => p), HealOutcome.Exhausted],
            detail.Heals.Select(h => h.Heal.Outcome));
        Assert.Equal(
            ["not acknowledged 0:01:00 after it opened (SLA 0:01:00 for P1); level 1", "not acknowledged 0:02:00 after it opened (SLA 0:01:00 for P1); level 2"],
            detail.Timeline.Where(t => t.Kind == "escalated").Select(t => t.Text));
        Assert.Equal(
            [("warden", "open"), ("warden", "raise"), ("warden", "escalate"), ("warden", "escalate"), ("bob", "acknowledge")],
            await site.AuditAsync(incident.Id));
        const string Title = "memory_available failing on sim-00004";
        Assert.Equal(
        [
            $"+00:40 chat firing: firing P1 #1 {Title}",
            $"+00:40 mail to ops@site.test: [Warden] FIRING P1: {Title} / [FIRING] P1 {Title}",
            $"+01:01 mail to oncall@site.test: [Warden] FIRING P1: {Title} / [ESCALATED] P1 {Title}",
            $"+02:01 mail to oncall@site.test: [Warden] FIRING P1: {Title} / [ESCALATED] P1 {Title}",
        ], site.Delivered);
    }
}

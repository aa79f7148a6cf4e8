using Warden.Aggregator.Incidents;
using Warden.Proto.V1;
using IncidentState = Warden.Aggregator.Incidents.IncidentState;
using Severity = Warden.Aggregator.Incidents.Severity;

namespace Warden.Aggregator.Tests.Incidents;

/// <summary>Single behaviours of the engine: durations, UNKNOWN, maintenance windows, label silences, dedupe.</summary>
public sealed class IncidentEngineTests
{
    [Fact]
    public async Task A_rule_with_a_duration_fires_only_once_the_check_stayed_failing_that_long()
    {
        var options = new IncidentOptions { Rules = [new IncidentRuleOptions { Name = "slow-load", Component = "system", Check = "load", States = "WARN", For = TimeSpan.FromMinutes(2), Severity = "P3" }] };
        await using var h = new EngineHarness(options, fleetSize: 3);
        await h.Transition("web-01", "system", "load", CheckState.Ok, CheckState.Warn);
        await h.Advance(TimeSpan.FromSeconds(90));
        await h.Transition("web-01", "system", "load", CheckState.Warn, CheckState.Ok);
        await h.Advance(TimeSpan.FromMinutes(3));
        Assert.Empty(h.Incidents()); // recovered before the two minutes were up

        await h.Transition("web-01", "system", "load", CheckState.Ok, CheckState.Warn);
        await h.Advance(TimeSpan.FromSeconds(119));
        Assert.Empty(h.Incidents());
        await h.Advance(TimeSpan.FromSeconds(2));
        var incident = Assert.Single(h.Incidents());
        Assert.Equal(("slow-load", Severity.P3), (incident.Rule, incident.Severity));
    }

    [Fact]
    public async Task Heal_exhausted_raising_the_checks_open_incident_is_kept_once_in_its_evidence()
    {
        await using var h = new EngineHarness(fleetSize: 3);
        await h.Transition("web-01", "system", "memory_available", CheckState.Ok, CheckState.Crit);
        await h.Heal("web-01", "system", "memory_available", HealOutcome.Exhausted);

        var incident = Assert.Single(h.Incidents());
        Assert.Equal((Severity.P1, "heal-exhausted"), (incident.Severity, incident.Rule));
        Assert.Equal(["EXHAUSTED"], incident.Evidence.Heals.Select(x => x.Outcome));
        Assert.Equal(1, incident.Evidence.Counters["heal_exhausted"]);
    }

    [Fact]
    public async Task Unknown_is_neither_recovery_nor_failure()
    {
        await using var h = new EngineHarness(fleetSize: 3);
        await h.Transition("web-01", "storage", "disk_space:/var", CheckState.Ok, CheckState.Unknown);
        Assert.Empty(h.Incidents());
        await h.Transition("web-01", "storage", "disk_space:/var", CheckState.Unknown, CheckState.Crit);
        await h.Transition("web-01", "storage", "disk_space:/var", CheckState.Crit, CheckState.Unknown);
        await h.Advance(TimeSpan.FromMinutes(6));
        var incident = Assert.Single(h.Incidents());
        Assert.Equal(IncidentState.Open, incident.State); // no data is not a recovery
        Assert.True(Assert.Single(incident.Children).Failing);
    }

    [Fact]
    public async Task A_repeat_of_the_same_failure_is_deduplicated_into_the_open_incident()
    {
        await using var h = new EngineHarness(fleetSize: 3);
        await h.Transition("web-01", "storage", "disk_space:/var", CheckState.Ok, CheckState.Crit);
        await h.Transition("web-01", "storage", "disk_space:/var", CheckState.Crit, CheckState.Crit); // e.g. a resent state after an agent restart
        await h.Advance(TimeSpan.FromSeconds(11));
        var incident = Assert.Single(h.Incidents());
        Assert.Equal((2, 1L), (incident.Occurrences, incident.Evidence.Counters["duplicates"]));
        Assert.Single(h.Notices.All);
    }

    [Fact]
    public async Task A_maintenance_window_that_starts_later_holds_back_only_once_it_began()
    {
        await using var h = new EngineHarness(fleetSize: 3);
        var start = h.Time.GetUtcNow().UtcDateTime.AddMinutes(10);
        await h.Engine.SilenceAsync(new Silence { Component = "storage", StartsAt = start, EndsAt = start.AddHours(1), Comment = "SAN firmware" }, "ops");
        await h.Transition("web-01", "storage", "disk_space:/var", CheckState.Ok, CheckState.Crit);
        await h.Advance(TimeSpan.FromMinutes(1));
        await h.Engine.AcknowledgeAsync(Assert.Single(h.Incidents()).Id, "ops", "known"); // no escalations in the way
        await h.Advance(TimeSpan.FromMinutes(10));
        await h.Transition("web-02", "storage", "disk_space:/var", CheckState.Ok, CheckState.Crit);
        await h.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(2, h.Incidents().Count);
        Assert.Equal(["Firing P2 disk_space:/var failing on web-01"], h.Notices.Lines);
    }

    [Fact]
    public async Task A_silence_on_a_label_matches_the_incidents_labels()
    {
        await using var h = new EngineHarness(fleetSize: 3);
        await h.Engine.SilenceAsync(new Silence { Label = "severity=P4", EndsAt = h.Time.GetUtcNow().UtcDateTime.AddHours(1), Comment = "info only" }, "ops");
        await h.Transition("web-01", "system", "load", CheckState.Ok, CheckState.Warn);
        await h.Transition("web-01", "system", "memory", CheckState.Ok, CheckState.Crit);
        await h.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(2, h.Incidents().Count);
        Assert.Equal(["Firing P3 memory failing on web-01"], h.Notices.Lines);
    }

    [Fact]
    public async Task An_operator_cannot_acknowledge_twice_and_nothing_changes()
    {
        await using var h = new EngineHarness(fleetSize: 3);
        await h.Transition("web-01", "system", "memory", CheckState.Ok, CheckState.Crit);
        var id = Assert.Single(h.Incidents()).Id;
        await h.Engine.AcknowledgeAsync(id, "alice", "mine");
        var e = await Assert.ThrowsAsync<IncidentCommandException>(() => h.Engine.AcknowledgeAsync(id, "bob", "mine too"));
        Assert.Equal(CommandProblem.FailedPrecondition, e.Problem);
        Assert.Contains("alice", e.Message, StringComparison.Ordinal);
        Assert.Equal("alice", Assert.Single(h.Incidents()).AcknowledgedBy);
    }
}

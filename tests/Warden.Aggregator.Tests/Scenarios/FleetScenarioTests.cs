extern alias fleetsim;

using Warden.Proto.V1;
using SimState = fleetsim::Warden.Proto.V1.CheckState;

namespace Warden.Aggregator.Tests.Scenarios;

/// <summary>
/// Issue 5's fleet scenarios, 100 simulated agents over real gRPC: one check failing on 20 hosts, 30 hosts going silent at
/// once; and, against the partition, one host going silent alone.
/// </summary>
public sealed class FleetScenarioTests
{
    private const string Disk = "disk_space:/srv";
    private static readonly TimeSpan ShipInterval = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_same_check_failing_on_20_of_100_hosts_is_one_fleet_incident_with_20_children_told_in_one_message()
    {
        await using var site = await ScenarioSite.StartAsync(hosts: 100, shipInterval: ShipInterval);
        await site.AdvanceAsync(TimeSpan.FromSeconds(5));
        for (var i = 1; i <= 20; i++)
        {
            await site.Host(i).FailCheckAsync("storage", Disk, SimState.Crit, 97, "warn 85, crit 95", "/srv 97.0% used");
            if (i % 5 == 0)
            {
                await site.AdvanceAsync(TimeSpan.FromSeconds(1)); // five hosts a second, +0:05 to +0:08
            }
        }
        await site.AdvanceAsync(TimeSpan.FromSeconds(60));

        var incidents = await site.IncidentsAsync();
        Assert.Equal(6, incidents.Count);
        var fleet = incidents[^1];
        Assert.Equal("#6 P2 open fleet disk-critical: disk_space:/srv failing on 20 hosts", DeliveredLines.Incident(fleet));
        Assert.Equal(("fleet|disk_space:/srv", 20u), (fleet.Fingerprint, fleet.FailingChildren));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => site.Host(i).Name), fleet.Hosts);
        // The first five hosts opened host incidents; the fifth made it a fleet incident, which took them over before anyone was told.
        var merged = incidents[..5];
        Assert.All(merged, i => Assert.Equal((IncidentScope.Host, IncidentState.Resolved, fleet.Id), (i.Scope, i.State, i.MergedInto)));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => site.Host(i).Name), merged.SelectMany(i => i.Hosts).Order(StringComparer.Ordinal));
        var detail = await site.DetailAsync(fleet.Id);
        Assert.Equal(20, detail.Children.Count(c => c.Failing));
        Assert.Equal((100L, 20L, 5L), (detail.Counters["fleet_size"], detail.Counters["hosts"], detail.Counters["merged_incidents"]));
        Assert.Equal(["+00:45 chat firing: firing P2 #6 disk_space:/srv failing on 20 hosts"], site.Delivered);
        Assert.Equal(20, site.WebhookBodies.Single().GetProperty("notices")[0].GetProperty("hosts").GetArrayLength());

        for (var i = 1; i <= 20; i++)
        {
            await site.Host(i).RecoverCheckAsync(Disk); // +1:09
        }
        await site.AdvanceAsync(TimeSpan.FromMinutes(6));
        Assert.Equal("#6 P2 resolved fleet disk-critical: disk_space:/srv failing on 20 hosts", DeliveredLines.Incident((await site.IncidentsAsync())[^1]));
        Assert.Equal(
        [
            "+00:45 chat firing: firing P2 #6 disk_space:/srv failing on 20 hosts",
            "+06:45 chat resolved: resolved P2 #6 disk_space:/srv failing on 20 hosts",
        ], site.Delivered);
        Assert.Equal([("warden", "open"), ("warden", "resolve")], await site.AuditAsync(fleet.Id));
    }

    [Fact]
    public async Task Thirty_of_100_hosts_going_silent_at_once_is_one_suspected_partition_with_30_children_not_30_host_incidents()
    {
        await using var site = await ScenarioSite.StartAsync(hosts: 100, shipInterval: ShipInterval);
        await site.AdvanceAsync(TimeSpan.FromSeconds(5));
        var cut = site.Fleet.Hosts.Skip(70).ToList();
        await site.Fleet.GoSilentAsync(cut); // last heard at +0:00: silent after three 30 s intervals, at +1:30
        await site.AdvanceAsync(TimeSpan.FromSeconds(115));

        var partition = Assert.Single(await site.IncidentsAsync()); // past the 30 s silent-host hold, and still no host incidents
        Assert.Equal("#1 P1 open partition suspected-partition: suspected network partition: 30 hosts silent", DeliveredLines.Incident(partition));
        Assert.Equal(("partition|agent.liveness", 30u), (partition.Fingerprint, partition.FailingChildren));
        Assert.Equal(cut.Select(h => h.Name), partition.Hosts);
        var detail = await site.DetailAsync(partition.Id);
        Assert.All(detail.Children, c => Assert.Equal($"no records from {c.Host}: silent since 2026-11-23 10:01:30Z", c.Reason));
        Assert.Equal((100L, 30L), (detail.Counters["fleet_size"], detail.Counters["hosts"]));
        await site.Operator.AcknowledgeAsync(new AcknowledgeRequest { Id = partition.Id, Comment = "core switch 2 is down, on it" }, ScenarioSite.As("alice"));

        await site.AdvanceAsync(TimeSpan.FromSeconds(60)); // acknowledged within its 60 s SLA: no escalation
        foreach (var host in cut)
        {
            await host.ResumeAsync(); // +3:00: they reconnect and are heard again
        }
        await site.AdvanceAsync(TimeSpan.FromMinutes(6));

        partition = Assert.Single(await site.IncidentsAsync());
        Assert.Equal((IncidentState.Resolved, "warden", "alice", 0u), (partition.State, partition.ResolvedBy, partition.AcknowledgedBy, partition.EscalationLevel));
        Assert.Equal(
        [
            "+02:10 chat firing: firing P1 #1 suspected network partition: 30 hosts silent",
            "+02:10 mail to ops@site.test: [Warden] FIRING P1: suspected network partition: 30 hosts silent / [FIRING] P1 suspected network partition: 30 hosts silent",
            "+08:10 chat resolved: resolved P1 #1 suspected network partition: 30 hosts silent",
            "+08:10 mail to ops@site.test: [Warden] RESOLVED P1: suspected network partition: 30 hosts silent / [RESOLVED] P1 suspected network partition: 30 hosts silent",
        ], site.Delivered);
        Assert.Equal([("warden", "open"), ("alice", "acknowledge"), ("warden", "resolve")], await site.AuditAsync(partition.Id));
    }

    [Fact]
    public async Task One_host_of_20_going_silent_is_a_P2_host_incident_after_the_hold_resolved_once_it_is_heard_again()
    {
        await using var site = await ScenarioSite.StartAsync(hosts: 20);
        await site.AdvanceAsync(TimeSpan.FromSeconds(5));
        await site.Host(7).GoSilentAsync(disconnect: true); // last heard at +0:00: silent at +0:30, an incident after the 30 s hold
        await site.AdvanceAsync(TimeSpan.FromSeconds(54));
        Assert.Empty(await site.IncidentsAsync());
        await site.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(["#1 P2 open host host-silent: sim-00007 is silent"], await site.IncidentLinesAsync());
        await site.AdvanceAsync(TimeSpan.FromSeconds(60));
        await site.Host(7).ResumeAsync(); // +2:00
        await site.AdvanceAsync(TimeSpan.FromMinutes(6));

        Assert.Equal(["#1 P2 resolved host host-silent: sim-00007 is silent"], await site.IncidentLinesAsync());
        Assert.Equal(
        [
            "+01:40 chat firing: firing P2 #1 sim-00007 is silent",
            "+07:40 chat resolved: resolved P2 #1 sim-00007 is silent",
        ], site.Delivered);
    }
}

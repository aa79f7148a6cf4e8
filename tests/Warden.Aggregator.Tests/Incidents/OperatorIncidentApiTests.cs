using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Warden.Proto.V1;
using static Warden.Aggregator.Tests.Incidents.OperatorApiServer;

namespace Warden.Aggregator.Tests.Incidents;

/// <summary>The incident half of the operator API over real gRPC on loopback, on a real engine and LiteDB file.</summary>
public sealed class OperatorIncidentApiTests
{
    private const string Disk = "disk_space:/var";

    [Fact]
    public async Task Acknowledge_comment_and_resolve_are_audited_with_the_operators_name()
    {
        await using var h = new EngineHarness(fleetSize: 3);
        await using var server = await StartAsync(h);
        var id = await OpenDiskIncident(h, "web-01");
        var client = server.Client;

        var acked = await client.AcknowledgeAsync(new AcknowledgeRequest { Id = id, Comment = "on it" }, As("alice"));
        Assert.Equal((IncidentState.Acknowledged, "alice"), (acked.Summary.State, acked.Summary.AcknowledgedBy));
        await client.CommentAsync(new CommentRequest { Id = id, Text = "cleaning /var/log" }, As("bob"));
        var resolved = await client.ResolveAsync(new ResolveRequest { Id = id, Comment = "old journals removed" }, As("alice"));

        Assert.Equal((IncidentState.Resolved, "alice"), (resolved.Summary.State, resolved.Summary.ResolvedBy));
        Assert.Equal(
            [("acknowledged", "alice", "on it"), ("comment", "bob", "cleaning /var/log"), ("resolved", "alice", "old journals removed")],
            resolved.Timeline.Where(t => t.Kind is "acknowledged" or "comment" or "resolved").Select(t => (t.Kind, t.Actor, t.Text)));
        var audit = await client.ListAuditAsync(new ListAuditRequest { IncidentId = id });
        Assert.Equal(
            [("warden", "open"), ("alice", "acknowledge"), ("bob", "comment"), ("alice", "resolve")],
            audit.Entries.Reverse().Select(e => (e.Actor, e.Action)));
    }

    [Fact]
    public async Task Without_the_operator_metadata_the_peer_address_is_audited()
    {
        await using var h = new EngineHarness(fleetSize: 3);
        await using var server = await StartAsync(h);
        var id = await OpenDiskIncident(h, "web-01");

        var detail = await server.Client.CommentAsync(new CommentRequest { Id = id, Text = "who am I" });
        Assert.StartsWith("ipv4:127.0.0.1:", detail.Timeline.Last().Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_are_rejected_naming_the_field_and_change_nothing()
    {
        await using var h = new EngineHarness(fleetSize: 3);
        await using var server = await StartAsync(h);
        var id = await OpenDiskIncident(h, "web-01");
        var client = server.Client;

        await Rejected(StatusCode.InvalidArgument, "comment", client.ResolveAsync(new ResolveRequest { Id = id, Comment = "  " }, As("alice")).ResponseAsync);
        await Rejected(StatusCode.InvalidArgument, "text", client.CommentAsync(new CommentRequest { Id = id }, As("alice")).ResponseAsync);
        await Rejected(StatusCode.InvalidArgument, "id", client.AcknowledgeAsync(new AcknowledgeRequest(), As("alice")).ResponseAsync);
        await Rejected(StatusCode.NotFound, "incident 999", client.AcknowledgeAsync(new AcknowledgeRequest { Id = 999 }, As("alice")).ResponseAsync);
        await Rejected(StatusCode.InvalidArgument, "warden-operator", client.AcknowledgeAsync(new AcknowledgeRequest { Id = id }, As("alice; rm -rf")).ResponseAsync);
        await Rejected(StatusCode.InvalidArgument, "at least one matcher", client.SilenceAsync(new SilenceRequest { Comment = "x", EndsAt = In(h, 60) }, As("alice")).ResponseAsync);
        await Rejected(StatusCode.InvalidArgument, "ends_at", client.SilenceAsync(new SilenceRequest { Host = "web-01", Comment = "x" }, As("alice")).ResponseAsync);
        await Rejected(StatusCode.InvalidArgument, "label", client.SilenceAsync(new SilenceRequest { Label = "team", Comment = "x", EndsAt = In(h, 60) }, As("alice")).ResponseAsync);
        await Rejected(StatusCode.InvalidArgument, "ends_at", client.SilenceAsync(new SilenceRequest { Host = "web-01", Comment = "x", EndsAt = In(h, -60) }, As("alice")).ResponseAsync);
        await Rejected(StatusCode.InvalidArgument, "filter.states", client.ListIncidentsAsync(new ListIncidentsRequest { Filter = new IncidentFilter { States = { (IncidentState)42 } } }).ResponseAsync);
        Assert.Single((await client.ListAuditAsync(new ListAuditRequest())).Entries); // only the engine's "open"

        await client.ResolveAsync(new ResolveRequest { Id = id, Comment = "done" }, As("alice"));
        await Rejected(StatusCode.FailedPrecondition, "resolved", client.AcknowledgeAsync(new AcknowledgeRequest { Id = id }, As("alice")).ResponseAsync);
    }

    [Fact]
    public async Task ListIncidents_filters_by_state_severity_and_host_and_GetIncident_has_the_evidence()
    {
        await using var h = new EngineHarness(fleetSize: 3);
        await using var server = await StartAsync(h);
        var disk = await OpenDiskIncident(h, "web-01");
        await h.Transition("web-02", "service", "process_running:nginx", CheckState.Ok, CheckState.Crit);
        await h.Transition("web-03", "system", "load", CheckState.Ok, CheckState.Warn);
        var client = server.Client;
        await client.AcknowledgeAsync(new AcknowledgeRequest { Id = disk }, As("alice"));

        async Task<IEnumerable<string>> Titles(IncidentFilter filter) =>
            (await client.ListIncidentsAsync(new ListIncidentsRequest { Filter = filter })).Incidents.Select(i => i.Title);

        Assert.Equal(["load failing on web-03", "process_running:nginx failing on web-02", $"{Disk} failing on web-01"], await Titles(new IncidentFilter()));
        Assert.Equal([$"{Disk} failing on web-01"], await Titles(new IncidentFilter { States = { IncidentState.Acknowledged } }));
        Assert.Equal(["load failing on web-03", "process_running:nginx failing on web-02"], await Titles(new IncidentFilter { Severities = { Severity.P1, Severity.P4 } }));
        Assert.Equal(["process_running:nginx failing on web-02"], await Titles(new IncidentFilter { Host = "web-02" }));

        var detail = await client.GetIncidentAsync(new GetIncidentRequest { Id = disk });
        Assert.Equal((Severity.P2, IncidentScope.Host, "disk-critical"), (detail.Summary.Severity, detail.Summary.Scope, detail.Summary.Rule));
        var transition = Assert.Single(detail.Transitions);
        Assert.Equal(("web-01", CheckState.Crit, 97.0), (transition.Host, transition.Transition.ToState, transition.Transition.Value));
        Assert.Contains(detail.Readings, r => r.Reading.Name == "fs.used_pct" && r.Reading.Subject == "/var");
        Assert.Equal(1, detail.Counters["occurrences"]);
        Assert.Equal(EngineHarness.T0.UtcDateTime.AddMinutes(5), detail.Summary.SlaDeadline.ToDateTime()); // opened at T0, P2: 5 minutes
        await Rejected(StatusCode.NotFound, "incident 77", client.GetIncidentAsync(new GetIncidentRequest { Id = 77 }).ResponseAsync);
    }

    [Fact]
    public async Task WatchIncidents_sends_the_snapshot_then_each_change()
    {
        await using var h = new EngineHarness(fleetSize: 3);
        await using var server = await StartAsync(h);
        var first = await OpenDiskIncident(h, "web-01");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = server.Client.WatchIncidents(new WatchIncidentsRequest { Filter = new IncidentFilter { States = { IncidentState.Open } } }, cancellationToken: cancel.Token);
        var stream = watch.ResponseStream;

        Assert.True(await stream.MoveNext(cancel.Token));
        Assert.Equal(first, stream.Current.Incident.Id);
        Assert.True(await stream.MoveNext(cancel.Token));
        Assert.Equal(IncidentUpdate.BodyOneofCase.SnapshotEnd, stream.Current.BodyCase);

        await h.Transition("web-02", "service", "process_running:nginx", CheckState.Ok, CheckState.Crit);
        Assert.True(await stream.MoveNext(cancel.Token));
        Assert.Equal(("process_running:nginx failing on web-02", IncidentState.Open), (stream.Current.Incident.Title, stream.Current.Incident.State));

        await server.Client.ResolveAsync(new ResolveRequest { Id = first, Comment = "fixed" }, As("alice"));
        Assert.True(await stream.MoveNext(cancel.Token));
        Assert.Equal((first, IncidentState.Resolved), (stream.Current.Incident.Id, stream.Current.Incident.State)); // so the client can drop it
    }

    [Fact]
    public async Task A_silence_is_created_listed_shown_on_the_incident_and_expired_over_the_api()
    {
        await using var h = new EngineHarness(fleetSize: 3);
        await using var server = await StartAsync(h);
        var id = await OpenDiskIncident(h, "web-01");
        var client = server.Client;

        var silence = await client.SilenceAsync(new SilenceRequest { Host = "web-0*", Check = "disk_*", EndsAt = In(h, 3600), Comment = "disk swap" }, As("carol"));
        Assert.Equal(("carol", true), (silence.CreatedBy, silence.Active));
        Assert.Single((await client.ListSilencesAsync(new ListSilencesRequest())).Silences);
        Assert.Contains("host=web-0*", (await client.GetIncidentAsync(new GetIncidentRequest { Id = id })).Summary.SilencedBy, StringComparison.Ordinal);

        var expired = await client.ExpireSilenceAsync(new ExpireSilenceRequest { Id = silence.Id, Comment = "swapped" }, As("carol"));
        Assert.False(expired.Active);
        Assert.Empty((await client.ListSilencesAsync(new ListSilencesRequest())).Silences);
        Assert.Single((await client.ListSilencesAsync(new ListSilencesRequest { IncludeExpired = true })).Silences);
        await Rejected(StatusCode.FailedPrecondition, "already ended", client.ExpireSilenceAsync(new ExpireSilenceRequest { Id = silence.Id, Comment = "again" }, As("carol")).ResponseAsync);
        var audit = await client.ListAuditAsync(new ListAuditRequest());
        Assert.Equal([("carol", "silence"), ("carol", "expire-silence")], audit.Entries.Where(e => e.SilenceId == silence.Id).Reverse().Select(e => (e.Actor, e.Action)));
    }

    private static async Task<ulong> OpenDiskIncident(EngineHarness h, string host)
    {
        await h.Samples(host, new Reading { Name = "fs.used_pct", Subject = "/var", Last = 97, Min = 96, Max = 97, Count = 10 });
        await h.Transition(host, "storage", Disk, CheckState.Ok, CheckState.Crit, value: 97);
        await h.Advance(TimeSpan.FromSeconds(1));
        return (ulong)h.Incidents().Single(i => i.Hosts.Contains(host)).Id;
    }

    private static Timestamp In(EngineHarness h, int seconds) => Timestamp.FromDateTimeOffset(h.Time.GetUtcNow().AddSeconds(seconds));

    private static async Task Rejected(StatusCode code, string mentions, Task call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(code, e.StatusCode);
        Assert.Contains(mentions, e.Status.Detail, StringComparison.Ordinal);
    }
}

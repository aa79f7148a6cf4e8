using Warden.Aggregator.Incidents;
using Warden.Aggregator.Storage;

namespace Warden.Aggregator.Tests.Storage;

public sealed class LiteDbIncidentStoreTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private readonly ScratchDirectory _dir = new();

    [Fact]
    public void A_saved_incident_is_in_the_data_file_when_Save_returns()
    {
        using var site = new LiteDbSiteStore(_dir.File("warden.db"));
        var store = new LiteDbIncidentStore(site);
        var incident = Incident("host:web-01|disk_space:/var");
        store.Save([incident], [new AuditEntry { At = T0, Actor = "warden", Action = "open", Reason = "rule disk-critical" }]);
        Assert.Equal(1, incident.Id);

        // Copy only the data file while the store is open: what the checkpoint wrote, not LiteDB's log.
        var copy = _dir.File("copy.db");
        File.Copy(site.Path, copy);
        using var reopened = new LiteDbSiteStore(copy);
        var found = new LiteDbIncidentStore(reopened).Find(1);
        Assert.NotNull(found);
        Assert.Equal(("host:web-01|disk_space:/var", Severity.P2, "web-01"), (found.Fingerprint, found.Severity, Assert.Single(found.Children).Host));
        Assert.Equal("open", Assert.Single(new LiteDbIncidentStore(reopened).Audit(null, null, 10)).Action);
    }

    [Fact]
    public void Recent_is_the_active_incidents_and_those_resolved_since()
    {
        using var site = new LiteDbSiteStore(_dir.File("warden.db"));
        var store = new LiteDbIncidentStore(site);
        var open = Incident("a");
        var acked = Incident("b", IncidentState.Acknowledged);
        var lately = Incident("c", IncidentState.Resolved, T0.AddMinutes(50));
        var longAgo = Incident("d", IncidentState.Resolved, T0.AddMinutes(-50));
        store.Save([open, acked, lately, longAgo], []);

        Assert.Equal(["a", "b", "c"], store.Recent(T0).Select(i => i.Fingerprint).Order());
        Assert.Equal(["c", "d"], store.Query(new IncidentQuery(States: [IncidentState.Resolved])).Select(i => i.Fingerprint).Order());
        Assert.Equal(["b"], store.Query(new IncidentQuery(States: [IncidentState.Acknowledged], Host: "web-01")).Select(i => i.Fingerprint));
        Assert.Empty(store.Query(new IncidentQuery(Host: "web-99")));
    }

    [Fact]
    public void Silences_are_inserted_then_updated_in_place()
    {
        using var site = new LiteDbSiteStore(_dir.File("warden.db"));
        var store = new LiteDbIncidentStore(site);
        var silence = new Silence { Host = "web-*", StartsAt = T0, EndsAt = T0.AddHours(1), CreatedBy = "ops", Comment = "window" };
        store.Save(silence);
        silence.EndsAt = T0.AddMinutes(5);
        store.Save(silence);
        var stored = Assert.Single(store.Silences());
        Assert.Equal((1L, T0.AddMinutes(5)), (stored.Id, stored.EndsAt));
    }

    private static Incident Incident(string fingerprint, IncidentState state = IncidentState.Open, DateTime? resolvedAt = null) => new()
    {
        Fingerprint = fingerprint,
        Title = fingerprint,
        Severity = Severity.P2,
        State = state,
        OpenedAt = T0,
        EpisodeStart = T0,
        ResolvedAt = resolvedAt,
        Children = [new IncidentChild { Host = "web-01", Component = "storage", Check = "disk_space:/var", Failing = true, Since = T0 }],
        Evidence = new IncidentEvidence { Counters = { ["occurrences"] = 1 } },
    };

    public void Dispose() => _dir.Dispose();
}

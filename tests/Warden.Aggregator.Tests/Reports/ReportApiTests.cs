using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Warden.Aggregator.Tests.Incidents;
using Warden.Proto.V1;
using static Warden.Aggregator.Tests.Incidents.OperatorApiServer;

namespace Warden.Aggregator.Tests.Reports;

/// <summary>GetReport over real gRPC on loopback, on an incident the real engine opened and an operator resolved.</summary>
public sealed class ReportApiTests
{
    [Fact]
    public async Task GetReport_reports_an_incident_the_engine_opened_and_an_operator_resolved()
    {
        await using var h = new EngineHarness(fleetSize: 2);
        await using var server = await StartAsync(h);
        await h.Samples("web-01", new Reading { Name = "fs.used_pct", Subject = "/var", Last = 97, Min = 96, Max = 97, Count = 10 });
        await h.Transition("web-01", "storage", "disk_space:/var", CheckState.Ok, CheckState.Crit, value: 97);
        await h.Advance(TimeSpan.FromSeconds(1));
        var id = (ulong)h.Incidents().Single().Id;
        await h.Advance(TimeSpan.FromMinutes(10));
        await server.Client.ResolveAsync(new ResolveRequest { Id = id, Comment = "journals vacuumed" }, As("alice"));
        var heal = new EventBatch { Sequence = 1 };
        heal.Events.Add(new Event { At = Timestamp.FromDateTimeOffset(h.Time.GetUtcNow()), Heal = new HealEvent { Check = "disk_space:/var", Outcome = HealOutcome.Failed } });
        h.Site.StoreEvents("web-01", heal, h.Time.GetUtcNow());
        await h.Advance(TimeSpan.FromMinutes(5));

        var report = await server.Client.GetReportAsync(new GetReportRequest { SinceSeconds = 3600 });

        var stored = h.Incidents().Single();
        var repair = (stored.ResolvedAt!.Value - stored.OpenedAt).TotalSeconds;
        Assert.InRange(repair, 600, 602);
        Assert.Equal((repair, 1u), (report.MttrSeconds, report.ResolvedEpisodes));
        Assert.Equal((1u, 0u, 1u), (report.IncidentsOpened, report.ResolvedAutomatically, report.ResolvedByHand));
        Assert.Equal(("P2", 1u), (report.BySeverity.Single().Key, report.BySeverity.Single().Count));
        Assert.Equal((1u, 0u), (report.HealsFailed, report.HealsSucceeded));
        Assert.Equal(["web-01", "web-02"], report.Hosts.Select(l => l.Subject));
        // The hosts said hello at T0, a quarter of an hour ago: they are observed since, not for the whole hour.
        var observed = (h.Time.GetUtcNow() - EngineHarness.T0).TotalSeconds;
        Assert.Equal((observed, repair), (report.Hosts[0].ObservedSeconds, report.Hosts[0].DownSeconds));
        Assert.Equal(1 - (repair / observed), report.Hosts[0].Availability, 12);
        Assert.Equal(h.Time.GetUtcNow().AddHours(-1), report.PeriodStart.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_period_past_the_longest_is_invalid_argument_naming_the_value()
    {
        await using var h = new EngineHarness(fleetSize: 1);
        await using var server = await StartAsync(h);

        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.GetReportAsync(new GetReportRequest { SinceSeconds = 400 * 86_400 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("since_seconds 34560000", e.Status.Detail, StringComparison.Ordinal);
    }
}

using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Warden.Aggregator.Api;
using Warden.Aggregator.Tests.Incidents;
using Warden.Proto.V1;

namespace Warden.Aggregator.Tests.Api;

/// <summary>GetHost's heal budget per check and heal history, over real gRPC on loopback, from a real LiteDB file.</summary>
public sealed class GetHostHealsTests
{
    private const string Web = "process_running:web";
    private const string Disk = "disk_space:/var";

    [Fact]
    public async Task GetHost_gives_each_check_its_heal_budget_from_the_latest_batch_and_the_newest_heal_events_first()
    {
        await using var h = new EngineHarness(fleetSize: 2);
        var host = EngineHarness.HostName(1);
        ulong sequence = 0;
        var at = EngineHarness.T0;
        void Store(params Event[] events)
        {
            at = at.AddSeconds(5);
            var batch = new EventBatch { Sequence = ++sequence };
            batch.Events.Add(events);
            h.Site.StoreEvents(host, batch, at);
        }

        Store(Transition(Web, CheckState.Crit, at), Transition(Disk, CheckState.Ok, at));
        for (var run = 1; run <= 30; run++)
        {
            // Two steps of one run in one batch, then a batch of transitions only.
            Store(Heal(HealOutcome.Started, at, run), Heal(HealOutcome.Failed, at.AddSeconds(1), run));
            Store(Transition(Web, CheckState.Crit, at));
        }
        Store(Heal(HealOutcome.Exhausted, at, 31));
        h.Site.StoreEvents(EngineHarness.HostName(2), new EventBatch { Sequence = 1, Events = { Heal(HealOutcome.Succeeded, at, 99) } }, at);
        h.Site.StoreSamples(host, Samples(++sequence, left: 2), at);
        h.Site.StoreSamples(host, Samples(++sequence, left: 0), at.AddSeconds(10));
        await using var server = await OperatorApiServer.StartAsync(h);

        var response = await server.Client.GetHostAsync(new GetHostRequest { Host = host });

        var web = response.Checks.Single(c => c.Check == Web);
        Assert.Equal((true, 0u, 3u), (web.HasHealBudgetLeft, web.HealBudgetLeft, web.HealBudget));
        var disk = response.Checks.Single(c => c.Check == Disk);
        Assert.False(disk.HasHealBudgetLeft || disk.HasHealBudget);

        Assert.Equal(HostDetail.MaxHeals, response.Heals.Count);
        Assert.All(response.Heals, e => Assert.Equal(host, e.Host));
        Assert.Equal((HealOutcome.Exhausted, "31"), (response.Heals[0].Heal.Outcome, response.Heals[0].Heal.Detail));
        Assert.Equal((HealOutcome.Failed, "30"), (response.Heals[1].Heal.Outcome, response.Heals[1].Heal.Detail));
        Assert.Equal((HealOutcome.Started, "30"), (response.Heals[2].Heal.Outcome, response.Heals[2].Heal.Detail));
        Assert.Equal(response.Heals.Select(e => e.At.ToDateTimeOffset()).OrderDescending(), response.Heals.Select(e => e.At.ToDateTimeOffset()));
        Assert.Equal("restart-unit web.service", response.Heals[0].Heal.Action);
    }

    [Fact]
    public async Task A_host_that_never_healed_has_no_heal_history_and_no_budget_and_an_unknown_host_is_not_found()
    {
        await using var h = new EngineHarness(fleetSize: 1);
        await using var server = await OperatorApiServer.StartAsync(h);

        var response = await server.Client.GetHostAsync(new GetHostRequest { Host = EngineHarness.HostName(1) });
        Assert.Empty(response.Heals);

        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.GetHostAsync(new GetHostRequest { Host = "nope" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    private static Event Transition(string check, CheckState to, DateTimeOffset at) => new()
    {
        At = Timestamp.FromDateTimeOffset(at),
        CheckTransition = new CheckTransition { Component = "service", Check = check, FromState = CheckState.Ok, ToState = to, StateType = StateType.Hard, Attempt = 3, MaxAttempts = 3 },
    };

    private static Event Heal(HealOutcome outcome, DateTimeOffset at, int run) => new()
    {
        At = Timestamp.FromDateTimeOffset(at),
        Heal = new HealEvent { Component = "service", Check = Web, Action = "restart-unit web.service", Outcome = outcome, RunsInWindow = 1, Budget = 3, Detail = $"{run}" },
    };

    private static SampleBatch Samples(ulong sequence, double left) => new()
    {
        Sequence = sequence,
        Readings =
        {
            new Reading { Name = HostDetail.BudgetLeft, Subject = Web, Last = left, Min = left, Max = left, Count = 1 },
            new Reading { Name = HostDetail.BudgetMax, Subject = Web, Last = 3, Min = 3, Max = 3, Count = 1 },
        },
    };
}

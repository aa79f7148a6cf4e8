using Warden.EndToEnd.Tests.Harness;
using Warden.Proto.V1;

namespace Warden.EndToEnd.Tests;

/// <summary>With no aggregator at all the agent keeps sensing and healing, and catches up when one appears.</summary>
public class OutageTests
{
    [Fact]
    public async Task An_agent_that_never_reached_an_aggregator_senses_and_heals_alone_then_delivers_everything()
    {
        using var dir = new ScratchDirectory();
        var port = AggregatorProcess.FreePort();
        var healed = dir.File("healed");
        // A process that never exists: its check turns HARD after three results and the heal runs.
        var checks = $$"""
            "Checks": {
              "Service": { "Processes": [ { "Name": "ghost", "ProcessName": "warden-e2e-ghost", "Min": 1, "IntervalSeconds": 0.5 } ] },
              "Heal": [ { "Check": "process_running:ghost", "GraceIntervals": 1,
                          "Actions": [ { "Kind": "run", "Command": [ "/usr/bin/touch", "{{healed}}" ] } ] } ]
            }
            """;
        using var agent = AgentProcess.Start(dir.Path, "e2e-outage", [$"http://127.0.0.1:{port}"], 0.5, topLevelKeys: checks);

        await Eventually.TrueAsync(() => Task.FromResult(File.Exists(healed)), "the agent to heal with no aggregator", diagnostics: () => agent.Output);
        var healedAt = DateTime.UtcNow;
        await Eventually.TrueAsync(() => Task.FromResult(DateTime.UtcNow - healedAt > TimeSpan.FromSeconds(3)),
            "a few more windows sensed alone");
        Assert.Contains("unreachable", agent.Output, StringComparison.Ordinal);

        var aggregatorStarted = DateTime.UtcNow;
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"), port);
        var caughtUp = await Eventually.GetAsync(async () =>
            {
                var numbered = agent.LastNumbered();
                return numbered > 0 && await aggregator.FindHostAsync("e2e-outage") is { } h && h.LastSequence >= numbered ? (ulong?)numbered : null;
            }, "the agent to catch up", diagnostics: () => agent.Output + aggregator.Output);
        Assert.Equal(0, await aggregator.StopAsync());

        StoreFile.AssertExactlyOnce(StoreFile.RecordSequences(aggregator.DatabasePath, "e2e-outage"), caughtUp!.Value);
        var events = StoreFile.EventBatches(aggregator.DatabasePath, "e2e-outage").SelectMany(b => b.Events).ToList();
        Assert.Contains(events, e => e.BodyCase == Event.BodyOneofCase.Heal);
        Assert.Contains(events, e => e.CheckTransition is { StateType: StateType.Hard, Check: "process_running:ghost" });
        // The windows sensed alone arrived, not only those after the aggregator appeared: three
        // seconds after the heal at 0.5 s a window, at least five of them.
        var alone = StoreFile.SampleWindowStarts(aggregator.DatabasePath, "e2e-outage").Values.Count(w => w < aggregatorStarted);
        Assert.True(alone >= 5, $"only {alone} windows from before the aggregator started");
    }
}

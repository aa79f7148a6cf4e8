using System.Globalization;
using Warden.EndToEnd.Tests.Harness;

namespace Warden.EndToEnd.Tests;

/// <summary>The agent's durable spool against real processes and a real SIGKILL.</summary>
public class SpoolCrashTests
{
    [Fact]
    public async Task Records_spooled_while_the_aggregator_was_down_arrive_after_the_agent_is_killed_and_restarted()
    {
        using var dir = new ScratchDirectory();
        var state = dir.File("aggregator");
        var port = AggregatorProcess.FreePort();
        ulong lastBeforeKill;
        using (var first = await AggregatorProcess.StartAsync(state, port))
        using (var agent = AgentProcess.Start(dir.Path, "e2e-spool", first.Address, shipIntervalSeconds: 0.5))
        {
            var before = await Eventually.GetAsync(
                async () => await first.FindHostAsync("e2e-spool") is { LastSequence: >= 3 } h ? h : null,
                "three batches while the aggregator is up", diagnostics: () => agent.Output + first.Output);
            first.Kill(); // what it acknowledged is durable; a graceful stop waits on the open stream

            // With the aggregator gone every new record exists only in the agent's spool.
            await Eventually.TrueAsync(
                () => Task.FromResult(LastNumbered(dir.Path) >= before.LastSequence + 10),
                "ten records spooled while the aggregator is down", diagnostics: () => agent.Output);
            agent.Kill(); // SIGKILL at whatever instant: no flush, no goodbye
            lastBeforeKill = LastNumbered(dir.Path);
        }

        using var second = await AggregatorProcess.StartAsync(state, port);
        using var restarted = AgentProcess.Start(dir.Path, "e2e-spool", second.Address, shipIntervalSeconds: 0.5);
        var host = await Eventually.GetAsync(
            async () => await second.FindHostAsync("e2e-spool") is { LastSequence: var s } h && s > lastBeforeKill + 2 ? h : null,
            "the restarted agent to send its spool and then new records", diagnostics: () => restarted.Output + second.Output);
        Assert.Contains(host.Latest, r => r.Name == "agent.spool_records");
        Assert.Equal(0, host.Latest.Single(r => r.Name == "agent.spool_corrupt_segments_total").Last);

        await restarted.StopAsync();
        Assert.Equal(0, await second.StopAsync());
        var stored = StoreFile.RecordSequences(second.DatabasePath, "e2e-spool");
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, (int)stored.Max()).Select(i => (long)i), stored.Order());
        Assert.True(stored.Max() > (long)lastBeforeKill);
    }

    // The agent's sequence counter file: the last number handed out, written before it is used.
    private static ulong LastNumbered(string directory)
    {
        var path = Path.Combine(directory, "agent-state", "sequence");
        return File.Exists(path) && ulong.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : 0;
    }
}

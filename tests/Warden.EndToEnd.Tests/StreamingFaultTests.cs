using Warden.EndToEnd.Tests.Harness;

namespace Warden.EndToEnd.Tests;

/// <summary>
/// An agent streaming fast (a record every 0.1 s) through aggregator crashes, a faulty network path
/// and the loss of its first aggregator: every sequence must reach a store exactly once.
/// </summary>
public class StreamingFaultTests
{
    private const double Fast = 0.1;

    [Fact]
    public async Task Five_aggregator_kills_lose_and_duplicate_nothing()
    {
        using var dir = new ScratchDirectory();
        var state = dir.File("aggregator");
        var port = AggregatorProcess.FreePort();
        var aggregator = await AggregatorProcess.StartAsync(state, port);
        ulong final;
        try
        {
            using var agent = AgentProcess.Start(dir.Path, "e2e-kill5", [aggregator.Address], Fast);
            for (var round = 0; round < 5; round++)
            {
                await StoredAtLeastAsync(aggregator, agent, Math.Max(agent.LastNumbered(), 1) + 5);
                aggregator.Kill();
                var spooled = agent.LastNumbered() + 3;
                await Eventually.TrueAsync(() => Task.FromResult(agent.LastNumbered() >= spooled), "records spooled while the aggregator is dead",
                    diagnostics: () => agent.Output);
                aggregator.Dispose();
                aggregator = await AggregatorProcess.StartAsync(state, port);
            }
            final = agent.LastNumbered();
            await StoredAtLeastAsync(aggregator, agent, final);
            Assert.Equal(0, await aggregator.StopAsync());
        }
        finally
        {
            aggregator.Dispose();
        }
        StoreFile.AssertExactlyOnce(StoreFile.RecordSequences(aggregator.DatabasePath, "e2e-kill5"), final);
    }

    [Fact]
    public async Task Connections_dropped_and_stalled_mid_stream_by_a_fault_proxy_recover_without_loss()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using var proxy = new TcpFaultProxy(aggregator.Address);
        using var agent = AgentProcess.Start(dir.Path, "e2e-proxy", [proxy.Address], Fast,
            aggregatorKeys: "\"KeepAlivePingDelaySeconds\": 1, \"KeepAlivePingTimeoutSeconds\": 1");
        for (var round = 0; round < 3; round++)
        {
            await StoredAtLeastAsync(aggregator, agent, Math.Max(agent.LastNumbered(), 1) + 5);
            proxy.DropAll();
            await StoredAtLeastAsync(aggregator, agent, agent.LastNumbered() + 5);
            // Frozen halfway through a record: only the agent's unanswered HTTP/2 PING can tell it so.
            proxy.StallMidTransfer(100);
            await StoredAtLeastAsync(aggregator, agent, agent.LastNumbered() + 5);
        }
        var final = agent.LastNumbered();
        await StoredAtLeastAsync(aggregator, agent, final);
        Assert.Contains("stream broken", agent.Output, StringComparison.Ordinal);
        Assert.Equal(0, await aggregator.StopAsync());
        StoreFile.AssertExactlyOnce(StoreFile.RecordSequences(aggregator.DatabasePath, "e2e-proxy"), final);
    }

    [Fact]
    public async Task When_the_first_aggregator_dies_the_agent_goes_on_with_the_second_and_later_fails_back()
    {
        using var dir = new ScratchDirectory();
        var firstState = dir.File("first");
        var firstPort = AggregatorProcess.FreePort();
        var first = await AggregatorProcess.StartAsync(firstState, firstPort);
        using var second = await AggregatorProcess.StartAsync(dir.File("second"));
        ulong final;
        try
        {
            using var agent = AgentProcess.Start(dir.Path, "e2e-failover", [first.Address, second.Address], 0.2,
                aggregatorKeys: "\"FailbackSeconds\": 3");
            await StoredAtLeastAsync(first, agent, 3);
            first.Kill();
            await StoredAtLeastAsync(second, agent, agent.LastNumbered() + 3);
            Assert.Contains($"connected to aggregator {second.Address}", agent.Output, StringComparison.Ordinal);

            first.Dispose();
            first = await AggregatorProcess.StartAsync(firstState, firstPort);
            await StoredAtLeastAsync(first, agent, agent.LastNumbered() + 3); // back on the first after FailbackSeconds
            Assert.Contains("trying the first endpoint", agent.Output, StringComparison.Ordinal);
            final = agent.LastNumbered();
            await StoredAtLeastAsync(first, agent, final);
            Assert.Equal(0, await first.StopAsync());
            Assert.Equal(0, await second.StopAsync());
        }
        finally
        {
            first.Dispose();
        }
        var inFirst = StoreFile.RecordSequences(first.DatabasePath, "e2e-failover");
        var inSecond = StoreFile.RecordSequences(second.DatabasePath, "e2e-failover");
        Assert.Equal(inFirst.Count, inFirst.Distinct().Count());
        Assert.Equal(inSecond.Count, inSecond.Distinct().Count());
        Assert.NotEmpty(inSecond);
        // A record in flight when the first died may be in both stores; none may be in neither.
        StoreFile.AssertExactlyOnce([.. inFirst.Union(inSecond)], final);
    }

    private static Task StoredAtLeastAsync(AggregatorProcess aggregator, AgentProcess agent, ulong sequence) =>
        Eventually.TrueAsync(async () => await aggregator.FindHostAsync(agent.Host) is { } h && h.LastSequence >= sequence,
            $"{aggregator.Address} to store sequence {sequence}", diagnostics: () => agent.Output + aggregator.Output);
}

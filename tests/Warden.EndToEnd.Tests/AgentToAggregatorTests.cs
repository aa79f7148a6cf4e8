using System.Globalization;
using System.Text.RegularExpressions;
using Warden.EndToEnd.Tests.Harness;
using Warden.Proto.V1;

namespace Warden.EndToEnd.Tests;

/// <summary>A real agent on this host streaming to a real aggregator on 127.0.0.1.</summary>
public class AgentToAggregatorTests
{
    [Fact]
    public async Task This_hosts_readings_arrive_at_the_aggregator()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using var agent = AgentProcess.Start(dir.Path, "e2e-live", aggregator.Address);

        var host = await Eventually.GetAsync(
            async () => await aggregator.FindHostAsync("e2e-live") is { LastSequence: >= 3 } h && h.Latest.Any(r => r.Name == "cpu.busy_pct") ? h : null,
            "three batches with CPU readings from the agent", diagnostics: () => agent.Output + aggregator.Output);

        Assert.True(host.Connected);
        Assert.Equal((uint)Environment.ProcessorCount, host.CpuCount);
        Assert.Equal("0.1.0", host.AgentVersion);
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), host.Kernel);
        Assert.Equal(MemTotalBytes(), Reading(host, "mem.total_bytes"));
        Assert.InRange(Reading(host, "cpu.busy_pct"), 0, 100);
        Assert.InRange(Reading(host, "mem.used_pct"), 0, 100);
        Assert.True(Reading(host, "load.1") >= 0);
        Assert.InRange((DateTime.UtcNow - host.LastSeen.ToDateTime()).TotalSeconds, 0, 30);
    }

    [Fact]
    public async Task History_survives_an_aggregator_crash_and_the_agent_resumes_with_every_sequence_stored_once()
    {
        using var dir = new ScratchDirectory();
        var state = dir.File("aggregator");
        var port = AggregatorProcess.FreePort();
        var first = await AggregatorProcess.StartAsync(state, port);
        using var agent = AgentProcess.Start(dir.Path, "e2e-restart", first.Address, shipIntervalSeconds: 0.5);

        var beforeCrash = await Eventually.GetAsync(
            async () => await first.FindHostAsync("e2e-restart") is { LastSequence: >= 5 } h ? h : null,
            "five batches before the crash", diagnostics: () => agent.Output + first.Output);
        first.Kill(); // SIGKILL: whatever was acknowledged must already be on disk
        first.Dispose();

        using var second = await AggregatorProcess.StartAsync(state, port);
        var afterRestart = await second.FindHostAsync("e2e-restart");
        Assert.NotNull(afterRestart);
        Assert.True(afterRestart.LastSequence >= beforeCrash.LastSequence,
            $"acknowledged up to {beforeCrash.LastSequence} before the crash, only {afterRestart.LastSequence} after");
        Assert.Equal(beforeCrash.FirstSeen, afterRestart.FirstSeen);

        var resumed = await Eventually.GetAsync(
            async () => await second.FindHostAsync("e2e-restart") is { Connected: true } h && h.LastSequence >= beforeCrash.LastSequence + 5 ? h : null,
            "the agent to reconnect and send five more", diagnostics: () => agent.Output + second.Output);

        // The agent says on reconnect how far it had been acknowledged: proof that acks reached it.
        var acked = Regex.Match(second.Output, @"agent e2e-restart \(0\.1\.0\) connected from \S+; it last saw sequence (\d+) acknowledged");
        Assert.True(acked.Success, second.Output);
        Assert.InRange(ulong.Parse(acked.Groups[1].Value, CultureInfo.InvariantCulture), 1UL, resumed.LastSequence);

        await agent.StopAsync();
        Assert.Equal(0, await second.StopAsync());
        var stored = StoreFile.RecordSequences(second.DatabasePath, "e2e-restart");
        Assert.NotEmpty(StoreFile.SampleSequences(second.DatabasePath, "e2e-restart"));
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, (int)stored.Max()).Select(i => (long)i), stored.Order());
    }

    [Fact]
    public async Task Sigterm_stops_the_aggregator_promptly_while_agents_and_watchers_are_connected()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using var agent = AgentProcess.Start(dir.Path, "e2e-sigterm", aggregator.Address);
        await Eventually.TrueAsync(async () => await aggregator.FindHostAsync("e2e-sigterm") is { Connected: true },
            "the agent to connect", diagnostics: () => agent.Output + aggregator.Output);
        using var watch = aggregator.Operator.WatchHosts(new WatchHostsRequest());
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));

        var stopped = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(0, await aggregator.StopAsync());
        Assert.InRange(stopped.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15)); // Kestrel alone would wait out its 30 s shutdown timeout
        // The agent notices at once and starts reconnecting. It is usually told UNAVAILABLE "the aggregator is
        // shutting down"; on a loaded machine the connection's reset can arrive before those trailers.
        await Eventually.TrueAsync(() => Task.FromResult(agent.Output.Contains("stream broken", StringComparison.Ordinal)),
            "the agent to notice its stream ended", within: TimeSpan.FromSeconds(15), diagnostics: () => agent.Output);
    }

    [Fact]
    public async Task Warden_agent_status_tells_a_connected_agent_from_one_that_lost_its_aggregator()
    {
        using var dir = new ScratchDirectory();
        var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using var agent = AgentProcess.Start(dir.Path, "e2e-status", aggregator.Address);
        var config = dir.File("agent.json");

        var text = await Eventually.GetAsync(() => StatusWithExit(config, 0),
            "warden-agent status to report a connected agent (exit 0)", diagnostics: () => agent.Output);
        Assert.Contains("warden-agent 0.1.0 on e2e-status: running", text, StringComparison.Ordinal);
        Assert.Contains($"{aggregator.Address} connected", text, StringComparison.Ordinal);

        aggregator.Kill();
        aggregator.Dispose();
        var lost = await Eventually.GetAsync(() => StatusWithExit(config, 1),
            "warden-agent status to report the lost aggregator (exit 1)", diagnostics: () => agent.Output);
        Assert.Contains("NOT connected", lost, StringComparison.Ordinal);
        Assert.Matches(@"\([1-9]\d* reconnects; last error: ", lost);
    }

    private static async Task<string?> StatusWithExit(string config, int expected)
    {
        var (exit, output) = await RunningProcess.RunAsync("warden-agent", "status", "--config", config);
        return exit == expected ? output : null;
    }

    private static double Reading(HostSummary host, string name) => host.Latest.Single(r => r.Name == name).Last;

    private static double MemTotalBytes()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}

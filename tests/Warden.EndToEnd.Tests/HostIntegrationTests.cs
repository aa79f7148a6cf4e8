using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Warden.EndToEnd.Tests.Harness;

namespace Warden.EndToEnd.Tests;

/// <summary>The real agent process under a stand-in for systemd: a notify socket, SIGTERM, journald-style output.</summary>
public class HostIntegrationTests
{
    [Fact]
    public async Task The_agent_notifies_ready_pings_the_watchdog_and_says_stopping_on_a_real_notify_socket()
    {
        using var dir = new ScratchDirectory();
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint(dir.File("notify")));
        using var agent = AgentProcess.Start(dir.Path, "e2e-notify", [$"http://127.0.0.1:{AggregatorProcess.FreePort()}"], 1,
            environment: new Dictionary<string, string> { ["NOTIFY_SOCKET"] = dir.File("notify"), ["WATCHDOG_USEC"] = "2000000" });

        Assert.StartsWith("READY=1", await ReceiveAsync(systemd, agent), StringComparison.Ordinal);
        // WatchdogSec=2 s: a ping every second while the sensing loop runs.
        Assert.Equal("WATCHDOG=1", await ReceiveAsync(systemd, agent));
        Assert.Equal("WATCHDOG=1", await ReceiveAsync(systemd, agent));

        Assert.Equal(0, await agent.StopAsync());
        string last;
        while ((last = await ReceiveAsync(systemd, agent)) == "WATCHDOG=1")
        {
        }
        Assert.Equal("STOPPING=1", last);
    }

    [Fact]
    public async Task Sigterm_spools_the_open_window_syncs_and_exits_zero_and_the_window_arrives_after_restart()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        ulong afterStop;
        using (var agent = AgentProcess.Start(dir.Path, "e2e-sigterm", [aggregator.Address], 30))
        {
            // The aggregator asks for the current window at once; the next regular one is 30 s away.
            await Eventually.TrueAsync(async () => await aggregator.FindHostAsync("e2e-sigterm") is { LastSequence: >= 1 },
                "the first window", diagnostics: () => agent.Output);
            var beforeStop = agent.LastNumbered();
            Assert.Equal(0, await agent.StopAsync());
            afterStop = agent.LastNumbered();
            Assert.True(afterStop > beforeStop, $"no window spooled on SIGTERM: counter {beforeStop} -> {afterStop}\n{agent.Output}");
            Assert.Contains("warden-agent stopped", agent.Output, StringComparison.Ordinal);
        }

        using var restarted = AgentProcess.Start(dir.Path, "e2e-sigterm", [aggregator.Address], 30);
        await Eventually.TrueAsync(async () => await aggregator.FindHostAsync("e2e-sigterm") is { } h && h.LastSequence >= afterStop,
            "the window spooled at SIGTERM", diagnostics: () => restarted.Output);
        await restarted.StopAsync();
        Assert.Equal(0, await aggregator.StopAsync());
        StoreFile.AssertExactlyOnce(StoreFile.RecordSequences(aggregator.DatabasePath, "e2e-sigterm"), afterStop);
    }

    [Fact]
    public async Task Under_journald_every_line_carries_an_sd_daemon_level_prefix()
    {
        var lines = await LinesAsync(new Dictionary<string, string> { ["JOURNAL_STREAM"] = "8:4242" }, "");
        Assert.All(lines, line => Assert.Matches("^<[0-7]>", line));
        Assert.Contains(lines, line => line.StartsWith("<4>", StringComparison.Ordinal)); // the unreachable aggregator is a warning
    }

    [Fact]
    public async Task With_json_format_every_line_is_one_json_object()
    {
        var lines = await LinesAsync(null, "\"Logging\": { \"Format\": \"Json\" }");
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.TryGetProperty("LogLevel", out _), line);
        }
        Assert.Contains(lines, line => line.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal));
    }

    private static async Task<List<string>> LinesAsync(Dictionary<string, string>? environment, string topLevelKeys)
    {
        using var dir = new ScratchDirectory();
        using var agent = AgentProcess.Start(dir.Path, "e2e-log", [$"http://127.0.0.1:{AggregatorProcess.FreePort()}"], 1,
            topLevelKeys: topLevelKeys, environment: environment);
        await Eventually.TrueAsync(() => Task.FromResult(agent.Output.Contains("unreachable", StringComparison.Ordinal)),
            "a warning to be logged", diagnostics: () => agent.Output);
        Assert.Equal(0, await agent.StopAsync());
        var lines = agent.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        return [.. lines];
    }

    private static async Task<string> ReceiveAsync(Socket socket, AgentProcess agent)
    {
        var buffer = new byte[512];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        try
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            return Encoding.UTF8.GetString(buffer, 0, n);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("no notification from the agent within 45 s\n" + agent.Output);
        }
    }
}

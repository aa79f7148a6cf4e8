using System.Text.Json;
using Warden.EndToEnd.Tests.Harness;

namespace Warden.EndToEnd.Tests;

/// <summary>`warden hosts` against a real aggregator fed by a real agent on this host.</summary>
public class WardenCliTests
{
    [Fact]
    public async Task Warden_hosts_lists_this_host_with_age_cpu_memory_and_load()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using var agent = AgentProcess.Start(dir.Path, "e2e-cli", aggregator.Address);
        await Eventually.TrueAsync(
            async () => await aggregator.FindHostAsync("e2e-cli") is { } h && h.Latest.Any(r => r.Name == "cpu.busy_pct"),
            "the agent's first readings", diagnostics: () => agent.Output + aggregator.Output);

        var (exit, table) = await RunningProcess.RunAsync("warden", "hosts", "--aggregator", aggregator.Address);
        Assert.Equal(0, exit);
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("HOST", lines[0], StringComparison.Ordinal);
        Assert.Contains("LAST SEEN", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines, l => l.StartsWith("e2e-cli ", StringComparison.Ordinal));
        Assert.Contains("connected", row, StringComparison.Ordinal);
        Assert.Matches(@"\b\d+s\b", row);  // last seen seconds ago

        var (jsonExit, json) = await RunningProcess.RunAsync("warden", "hosts", "--json", "--aggregator", aggregator.Address);
        Assert.Equal(0, jsonExit);
        using var document = JsonDocument.Parse(json);
        var host = document.RootElement.GetProperty("hosts").EnumerateArray().Single(h => h.GetProperty("host").GetString() == "e2e-cli");
        Assert.True(host.GetProperty("connected").GetBoolean());
        Assert.InRange(host.GetProperty("cpuBusyPct").GetDouble(), 0, 100);
        Assert.InRange(host.GetProperty("memUsedPct").GetDouble(), 0, 100);
        Assert.True(host.GetProperty("load1").GetDouble() >= 0);
        Assert.InRange(host.GetProperty("lastSeenAgeSeconds").GetDouble(), 0, 30);
    }

    [Fact]
    public async Task Warden_hosts_says_which_aggregator_it_could_not_reach()
    {
        var address = $"http://127.0.0.1:{AggregatorProcess.FreePort()}";
        var (exit, output) = await RunningProcess.RunAsync("warden", "hosts", "--aggregator", address);
        Assert.Equal(3, exit);
        Assert.Contains(address, output, StringComparison.Ordinal);
    }
}

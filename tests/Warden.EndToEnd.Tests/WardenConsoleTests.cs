using Warden.EndToEnd.Tests.Harness;

namespace Warden.EndToEnd.Tests;

/// <summary>
/// `warden` in a real terminal (tmux, 80x24) against a real aggregator fed by a real agent on this
/// host: the fleet shows the host live, keys drill in and out, views the aggregator cannot serve say
/// so, and q quits.
/// </summary>
public class WardenConsoleTests
{
    [Fact]
    public async Task Operator_navigates_the_live_console_with_keys()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using var agent = AgentProcess.Start(dir.Path, "e2e-tui", aggregator.Address);
        await Eventually.TrueAsync(
            async () => await aggregator.FindHostAsync("e2e-tui") is { } h && h.Latest.Any(r => r.Name == "score.host"),
            "the agent's first scores", diagnostics: () => agent.Output + aggregator.Output);

        using var terminal = TmuxTerminal.Start("warden", 80, 24, "--aggregator", aggregator.Address, "--readonly");

        string fleet = await terminal.WaitForAsync("live · 1 host", "the fleet view, live");
        Assert.Contains("warden · hosts [read-only]", fleet, StringComparison.Ordinal);
        string row = fleet.Split('\n').Single(l => l.Contains("e2e-tui", StringComparison.Ordinal));
        Assert.Matches(@"\d+ (healthy|degraded|unhealthy)", row);
        Assert.Contains("connected", row, StringComparison.Ordinal);

        terminal.Send("Enter");
        string host = await terminal.WaitForAsync("hosts › e2e-tui", "the host view");
        Assert.Contains("cpu.busy_pct", host, StringComparison.Ordinal);

        terminal.Send("Escape");
        await terminal.WaitForAsync("sort HEALTH", "back on the fleet");

        terminal.Type(":incidents");
        terminal.Send("Enter");
        await terminal.WaitForAsync(":incidents is not available", "the view the aggregator cannot serve yet");

        terminal.Type("/nomatch");
        await terminal.WaitForAsync("0 shown", "the filter applied live");
        terminal.Send("Escape");
        await terminal.WaitForAsync("1 shown", "the filter cleared");

        terminal.Type("q");
        await Eventually.TrueAsync(() => Task.FromResult(terminal.Exited()), "warden to quit on q", TimeSpan.FromSeconds(15), terminal.Screen);
    }
}

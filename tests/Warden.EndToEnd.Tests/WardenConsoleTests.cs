using Warden.EndToEnd.Tests.Harness;
using Warden.Proto.V1;

namespace Warden.EndToEnd.Tests;

/// <summary>
/// `warden` in a real terminal (tmux, 80x24) against a real aggregator fed by a real agent on this
/// host: the fleet shows the host live, keys drill in and out, an unknown view says
/// which ones exist, and q quits.
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

        // The status line and the row come from one refresh, but the terminal may be captured
        // between the two lines' output; wait for a screen that shows both.
        string fleet = await terminal.WaitForAsync(
            s => s.Contains("live · 1 host", StringComparison.Ordinal) && s.Contains("e2e-tui", StringComparison.Ordinal), "the fleet view, live, with the host's row");
        Assert.Contains("warden · hosts [read-only]", fleet, StringComparison.Ordinal);
        string row = fleet.Split('\n').Single(l => l.Contains("e2e-tui", StringComparison.Ordinal));
        Assert.Matches(@"\d+ (healthy|degraded|unhealthy)", row);
        Assert.Contains("connected", row, StringComparison.Ordinal);

        terminal.Send("Enter");
        await terminal.WaitForAsync("hosts › e2e-tui", "the host view");
        // The checks (worst first) fill the top of an 80x24 screen; the readings follow below them.
        string host = await terminal.WaitForAsync("checks: ", "the host's checks from GetHost");
        Assert.Matches(@"checks: (\d+ [A-Z]+|none reported yet)", host);
        Assert.DoesNotContain("need GetHost", host, StringComparison.Ordinal);

        terminal.Send("Escape");
        await terminal.WaitForAsync("sort HEALTH", "back on the fleet");

        terminal.Type(":nodes");
        terminal.Send("Enter");
        await terminal.WaitForAsync("unknown view ':nodes'", "a view the console does not have");

        terminal.Type("/nomatch");
        await terminal.WaitForAsync("0 shown", "the filter applied live");
        terminal.Send("Escape");
        await terminal.WaitForAsync("1 shown", "the filter cleared");

        terminal.Type("q");
        await Eventually.TrueAsync(() => Task.FromResult(terminal.Exited()), "warden to quit on q", TimeSpan.FromSeconds(15), terminal.Screen);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_host_view_shows_a_real_heal_in_its_history_with_the_heal_budget_it_used()
    {
        // The service is not running: its check turns HARD and restart-process starts it (SUCCEEDED).
        using var scene = await HealScene.StartAsync("e2e-tui-heal", s => $$"""
            { "Service": {{s.ServiceSection}},
              "Heal": [ { "Check": "{{s.ServiceCheck}}", "TimeoutSeconds": 10,
                          "Actions": [ { "Kind": "restart-process", "ProcessName": "{{s.Name}}", "Command": [ "{{s.Binary}}", "600" ] } ] } ] }
            """);
        await scene.LoggedAndStoredAsync($"heal {scene.ServiceCheck} Succeeded");

        using var terminal = TmuxTerminal.Start("warden", 80, 24, "--aggregator", scene.Aggregator.Address, "--readonly");
        await terminal.WaitForAsync("live · 1 host", "the fleet view, live");
        terminal.Send("Enter");
        string host = await terminal.WaitForAsync("heal history: 2 events", "the host's heal history from GetHost");
        Assert.Contains("cpu.busy_pct", host, StringComparison.Ordinal);

        // One filter narrows the three panes to the healed service: its check and both heal steps.
        terminal.Type("/" + scene.Name);
        terminal.Send("Enter");
        string healed = await terminal.WaitForAsync("SUCCEEDED", "the judged heal");
        Assert.Matches(@"\d+[mhs][\s│]+SUCCEEDED[\s│]+1/3", healed);
        Assert.Matches(@"\d+[mhs][\s│]+STARTED[\s│]+1/3", healed);
        // HEAL: one run of three used in the window, from the agent's heal.budget_left reading.
        Assert.Matches(@"OK[\s│]+(SOFT|HARD)[\s│]+\d/3[\s│]+2/3", await terminal.WaitForAsync("2/3", "the heal budget left"));

        terminal.Type("qq");
        await Eventually.TrueAsync(() => Task.FromResult(terminal.Exited()), "warden to quit", TimeSpan.FromSeconds(15), terminal.Screen);
    }

    [Fact]
    public async Task Operator_opens_an_incident_with_keys_and_acknowledges_it_under_their_name()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        // A process that never exists: its check turns CRIT HARD and opens an incident.
        using var agent = AgentProcess.Start(dir.Path, "e2e-tui-inc", aggregator.Address, 0.5,
            """{ "Service": { "Processes": [ { "Name": "ghost", "ProcessName": "warden-e2e-ghost", "Min": 1, "IntervalSeconds": 0.5 } ] } }""");
        var incident = await Eventually.GetAsync(async () =>
            (await aggregator.Operator.ListIncidentsAsync(new ListIncidentsRequest())).Incidents.FirstOrDefault(i => i.Check == "process_running:ghost"),
            "the ghost incident", diagnostics: () => agent.Output + aggregator.Output);

        using var terminal = TmuxTerminal.Start("warden", 80, 24, "--aggregator", aggregator.Address, "--as", "e2e-carol");
        await terminal.WaitForAsync("live · 1 host", "the fleet view, live");
        terminal.Type(":incidents");
        terminal.Send("Enter");
        string list = await terminal.WaitForAsync("1 open of 1 incidents", "the incident list, live");
        Assert.Contains("process_running:ghost", list, StringComparison.Ordinal);

        terminal.Send("Enter");
        string page = await terminal.WaitForAsync($"Incident {incident.Id}:", "the incident page");
        Assert.Contains("Timeline:", page, StringComparison.Ordinal);

        terminal.Type("a");
        await terminal.WaitForAsync("[y/N]", "the confirmation");
        terminal.Type("y");
        await terminal.WaitForAsync($"incident {incident.Id} acknowledged", "the acknowledgement");

        var audit = await aggregator.Operator.ListAuditAsync(new ListAuditRequest { IncidentId = incident.Id });
        Assert.Contains(audit.Entries, e => e.Actor == "e2e-carol" && e.Action == "acknowledge");

        terminal.Type("q");
        terminal.Type("q");
        await Eventually.TrueAsync(() => Task.FromResult(terminal.Exited()), "warden to quit on q", TimeSpan.FromSeconds(15), terminal.Screen);
    }
}

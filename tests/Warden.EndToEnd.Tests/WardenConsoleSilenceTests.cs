using Warden.EndToEnd.Tests.Harness;
using Warden.Proto.V1;

namespace Warden.EndToEnd.Tests;

/// <summary>
/// `warden` in tmux (80x24) against a real aggregator fed by a real agent: the operator silences an
/// incident with `s` and the aggregator stores the silence under their name, then :audit shows it.
/// </summary>
public class WardenConsoleSilenceTests
{
    [Fact]
    public async Task Operator_silences_an_incident_with_keys_and_the_aggregator_stores_it_under_their_name()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using var agent = AgentProcess.Start(dir.Path, "e2e-tui-sil", aggregator.Address, 0.5,
            """{ "Service": { "Processes": [ { "Name": "ghost", "ProcessName": "warden-e2e-ghost", "Min": 1, "IntervalSeconds": 0.5 } ] } }""");
        await Eventually.GetAsync(async () =>
            (await aggregator.Operator.ListIncidentsAsync(new ListIncidentsRequest())).Incidents.FirstOrDefault(i => i.Check == "process_running:ghost"),
            "the ghost incident", diagnostics: () => agent.Output + aggregator.Output);

        using var terminal = TmuxTerminal.Start("warden", 80, 24, "--aggregator", aggregator.Address, "--as", "e2e-dave");
        await terminal.WaitForAsync("live · 1 host", "the fleet view, live");
        terminal.Type(":incidents");
        terminal.Send("Enter");
        await terminal.WaitForAsync("1 open of 1 incidents", "the incident list, live");

        terminal.Type("s");
        await terminal.WaitForAsync("silence for how long", "the duration question");
        terminal.Type("2h");
        terminal.Send("Enter");
        await terminal.WaitForAsync("3 host+check", "the scope question");
        terminal.Type("3");
        terminal.Send("Enter");
        await terminal.WaitForAsync("why silence host+check for 2h:", "the comment question");
        terminal.Type("e2e maintenance");
        terminal.Send("Enter");
        await terminal.WaitForAsync("[y/N]", "the confirmation");
        terminal.Type("y");
        await terminal.WaitForAsync("by e2e-dave until", "the stored silence");

        SilenceInfo silence = Assert.Single((await aggregator.Operator.ListSilencesAsync(new ListSilencesRequest())).Silences);
        Assert.Equal(("e2e-dave", "e2e-tui-sil", "process_running:ghost", "e2e maintenance"), (silence.CreatedBy, silence.Host, silence.Check, silence.Comment));
        Assert.InRange((silence.EndsAt.ToDateTime() - silence.StartsAt.ToDateTime()).TotalMinutes, 119, 121);

        terminal.Type(":audit");
        terminal.Send("Enter");
        string audit = await terminal.WaitForAsync($"silence silence {silence.Id}", "the silence in the audit log");
        Assert.Contains("e2e-dave", audit, StringComparison.Ordinal);

        terminal.Type("q");
        await Eventually.TrueAsync(() => Task.FromResult(terminal.Exited()), "warden to quit on q", TimeSpan.FromSeconds(15), terminal.Screen);
    }
}

using System.Text.Json;
using Warden.EndToEnd.Tests.Harness;
using Warden.Proto.V1;

namespace Warden.EndToEnd.Tests;

/// <summary>`warden incidents`, `show`, `ack`, `resolve` and `silence` against a real aggregator fed by a real agent.</summary>
public class WardenIncidentCliTests
{
    // A process that never exists: the check turns CRIT HARD after three results and opens an incident.
    private const string GhostCheck = """
        { "Service": { "Processes": [ { "Name": "ghost", "ProcessName": "warden-e2e-ghost", "Min": 1, "IntervalSeconds": 0.5 } ] } }
        """;

    [Fact]
    public async Task A_failing_process_check_is_listed_shown_acknowledged_by_the_operator_and_resolved()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using var agent = AgentProcess.Start(dir.Path, "e2e-inc", aggregator.Address, 0.5, GhostCheck);
        string[] at = ["--aggregator", aggregator.Address];

        var id = await Eventually.GetAsync(async () =>
        {
            var (exit, json) = await RunningProcess.RunAsync("warden", ["incidents", "--json", "--host", "e2e-inc", .. at]);
            Assert.Equal(0, exit);
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("incidents").EnumerateArray()
                .Where(i => i.GetProperty("check").GetString() == "process_running:ghost")
                .Select(i => (ulong?)i.GetProperty("id").GetUInt64()).FirstOrDefault();
        }, "warden incidents to list the ghost process incident", diagnostics: () => agent.Output + aggregator.Output);

        var (tableExit, table) = await RunningProcess.RunAsync("warden", ["incidents", .. at]);
        Assert.Equal(0, tableExit);
        var row = Assert.Single(table.Split('\n'), l => l.TrimStart().StartsWith($"{id} ", StringComparison.Ordinal));
        Assert.Matches(@"\bP[0-4]\b", row);
        Assert.Contains("open", row, StringComparison.Ordinal);
        Assert.Contains("e2e-inc", row, StringComparison.Ordinal);

        var (ackExit, ackText) = await RunningProcess.RunAsync("warden", ["ack", $"{id}", "--comment", "looking", "--as", "e2e-alice", .. at]);
        Assert.Equal(0, ackExit);
        Assert.Contains("acknowledged", ackText, StringComparison.Ordinal);
        var audit = await aggregator.Operator.ListAuditAsync(new ListAuditRequest { IncidentId = id!.Value });
        Assert.Contains(audit.Entries, e => e.Actor == "e2e-alice" && e.Action == "acknowledge" && e.Reason == "looking");

        var (showExit, shown) = await RunningProcess.RunAsync("warden", ["show", $"INC-{id}", "--json", .. at]);
        Assert.Equal(0, showExit);
        using (var detail = JsonDocument.Parse(shown))
        {
            var incident = detail.RootElement.GetProperty("incident");
            Assert.Equal(("acknowledged", "e2e-alice"), (incident.GetProperty("state").GetString(), incident.GetProperty("acknowledgedBy").GetString()));
            Assert.Contains(detail.RootElement.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("kind").GetString() == "acknowledged");
            Assert.Contains(detail.RootElement.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("process_running:ghost", StringComparison.Ordinal));
        }

        var (resolveExit, _) = await RunningProcess.RunAsync("warden", ["resolve", $"{id}", "--comment", "ghost retired", "--as", "e2e-alice", .. at]);
        Assert.Equal(0, resolveExit);
        var (againExit, againText) = await RunningProcess.RunAsync("warden", ["ack", $"{id}", "--as", "e2e-alice", .. at]);
        Assert.Equal(1, againExit);  // FAILED_PRECONDITION: a resolved incident cannot be acknowledged
        Assert.Contains("refused", againText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_incidents_exit_4_readonly_exits_5_and_a_silence_is_audited_with_its_operator()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        string[] at = ["--aggregator", aggregator.Address];

        var (missingExit, missing) = await RunningProcess.RunAsync("warden", ["show", "424242", .. at]);
        Assert.Equal(4, missingExit);
        Assert.Contains("424242", missing, StringComparison.Ordinal);

        var (readOnlyExit, _) = await RunningProcess.RunAsync("warden", ["ack", "1", "--readonly", .. at]);
        Assert.Equal(5, readOnlyExit);

        var (silenceExit, silenced) = await RunningProcess.RunAsync("warden",
            ["silence", "web-*", "--check", "disk_space:/var", "--for", "2h", "--comment", "disk swap", "--as", "e2e-bob", "--json", .. at]);
        Assert.Equal(0, silenceExit);
        using var document = JsonDocument.Parse(silenced);
        Assert.Equal(("web-*", "disk_space:/var", "e2e-bob"), (document.RootElement.GetProperty("host").GetString(),
            document.RootElement.GetProperty("check").GetString(), document.RootElement.GetProperty("createdBy").GetString()));
        var audit = await aggregator.Operator.ListAuditAsync(new ListAuditRequest());
        Assert.Contains(audit.Entries, e => e.Actor == "e2e-bob" && e.Action == "silence");
    }
}

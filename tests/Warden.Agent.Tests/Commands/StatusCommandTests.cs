using Warden.Agent.Commands;
using Warden.Agent.Configuration;
using Warden.Agent.Healing;
using Warden.Agent.State;
using Warden.Agent.Streaming;

namespace Warden.Agent.Tests.Commands;

public sealed class StatusCommandTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly ScratchDirectory _dir = TestTrees.Scratch();

    [Fact]
    public void A_connected_agent_with_a_fresh_status_is_running_exit_0()
    {
        StatusFile.Write(_dir.Path, Status(connected: true, writtenAt: T0));
        var (exit, output, _) = Run(T0.AddSeconds(5));
        Assert.Equal(0, exit);
        Assert.Contains("running (status 5s ago", output, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:7400 connected", output, StringComparison.Ordinal);
        Assert.Contains("12 records, 2 KiB, oldest unacknowledged 7 s, 3 dropped, 1 corrupt segments", output, StringComparison.Ordinal);
        Assert.Contains("90 degraded, worst storage", output, StringComparison.Ordinal);
        Assert.Contains("heals         4 runs, 2 succeeded, 1 failed, 1 timed out, 0 exhausted; last 3m ago: process_running:web restart-unit web.service SUCCEEDED",
            output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_running_agent_without_an_aggregator_exits_1_and_says_why()
    {
        StatusFile.Write(_dir.Path, Status(connected: false, writtenAt: T0));
        var (exit, output, _) = Run(T0.AddSeconds(1));
        Assert.Equal(StatusCommand.ExitDisconnected, exit);
        Assert.Contains("NOT connected", output, StringComparison.Ordinal);
        Assert.Contains("last error: Unavailable: connection refused", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_not_rewritten_for_three_ship_intervals_means_not_running()
    {
        StatusFile.Write(_dir.Path, Status(connected: true, writtenAt: T0));
        Assert.Equal(0, Run(T0.AddSeconds(35)).Exit);  // 3 x 10 s + 5 s of slack
        var (exit, output, _) = Run(T0.AddSeconds(36));
        Assert.Equal(StatusCommand.ExitNotRunning, exit);
        Assert.Contains("NOT RUNNING (last status 36s ago", output, StringComparison.Ordinal);
    }

    [Fact]
    public void No_status_file_or_a_garbled_one_is_not_running_naming_the_file()
    {
        var (exit, _, error) = Run(T0);
        Assert.Equal(StatusCommand.ExitNotRunning, exit);
        Assert.Contains("status.json: the agent has not run with this state folder", error, StringComparison.Ordinal);

        File.WriteAllText(_dir.File(StatusFile.Name), "{ not json");
        (exit, _, error) = Run(T0);
        Assert.Equal(StatusCommand.ExitNotRunning, exit);
        Assert.Contains("status.json cannot be read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_the_status_document_itself()
    {
        StatusFile.Write(_dir.Path, Status(connected: true, writtenAt: T0));
        var (_, output, _) = Run(T0, json: true);
        using var document = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal("web-01", document.RootElement.GetProperty("host").GetString());
        Assert.True(document.RootElement.GetProperty("aggregator").GetProperty("connected").GetBoolean());
        Assert.Equal(12, document.RootElement.GetProperty("spool").GetProperty("records").GetInt32());
        Assert.Equal(4, document.RootElement.GetProperty("heals").GetProperty("started").GetInt64());
        Assert.Equal("SUCCEEDED", document.RootElement.GetProperty("lastHeal").GetProperty("outcome").GetString());
    }

    private (int Exit, string Output, string Error) Run(DateTimeOffset now, bool json = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = StatusCommand.Run(new AgentOptions { StateDirectory = _dir.Path }, json, output, error, now);
        return (exit, output.ToString(), error.ToString());
    }

    private static AgentStatus Status(bool connected, DateTimeOffset writtenAt) => new(
        "web-01", "0.1.0", 4242, T0.AddHours(-2), writtenAt, 10,
        new AggregatorStatus("http://127.0.0.1:7400", connected, T0.AddMinutes(-5), 2, "Unavailable: connection refused", T0.AddMinutes(-6)),
        new SpoolHealth(12, 2048, 7, 3, 1), 1234, 90, "storage", new Dictionary<string, int> { ["system"] = 100, ["storage"] = 80 },
        new HealTally(4, 2, 1, 1, 0), new LastHeal("process_running:web", "restart-unit web.service", "SUCCEEDED", T0.AddMinutes(-3), "after the grace: 1 running"));

    public void Dispose() => _dir.Dispose();
}

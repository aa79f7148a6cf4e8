using Warden.EndToEnd.Tests.Harness;

namespace Warden.EndToEnd.Tests;

/// <summary>Bad configuration stops each program at start with a message naming what is wrong.</summary>
public class StartupErrorTests
{
    [Fact]
    public async Task The_agent_refuses_an_unknown_key_naming_it()
    {
        using var dir = new ScratchDirectory();
        File.WriteAllText(dir.File("agent.json"), """{ "Sampling": { "ShipEvery": 5 } }""");
        var (exit, output) = await RunningProcess.RunAsync("warden-agent", "--config", dir.File("agent.json"));
        Assert.Equal(78, exit);
        Assert.Contains("unknown key 'ShipEvery' in section 'Sampling'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agent_refuses_a_bad_heal_action_naming_its_key_and_value()
    {
        using var dir = new ScratchDirectory();
        File.WriteAllText(dir.File("agent.json"), """
            { "Checks": { "Heal": [ { "Check": "directory_size:/var/tmp/app",
                "Actions": [ { "Kind": "clean-directory", "Directory": "/var/tmp/app", "MaxBytes": 0 } ] } ] } }
            """);
        var (exit, output) = await RunningProcess.RunAsync("warden-agent", "--config", dir.File("agent.json"));
        Assert.Equal(78, exit);
        Assert.Contains("Checks:Heal:0:Actions:0:MaxBytes: 0 must be a positive number of bytes", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agent_refuses_an_unreadable_config_naming_the_file()
    {
        using var dir = new ScratchDirectory();
        File.WriteAllText(dir.File("agent.json"), "{ \"Host\": ");
        var (exit, output) = await RunningProcess.RunAsync("warden-agent", "--config", dir.File("agent.json"));
        Assert.Equal(78, exit);
        Assert.Contains($"config file {dir.File("agent.json")} cannot be read", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agent_check_config_prints_the_effective_settings()
    {
        using var dir = new ScratchDirectory();
        File.WriteAllText(dir.File("agent.json"), """{ "Host": "checked-host" }""");
        var (exit, output) = await RunningProcess.RunAsync("warden-agent", "check-config", "--config", dir.File("agent.json"));
        Assert.Equal(0, exit);
        Assert.Contains("configuration OK", output, StringComparison.Ordinal);
        Assert.Contains("checked-host", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agent_names_an_unknown_argument()
    {
        var (exit, output) = await RunningProcess.RunAsync("warden-agent", "--frobnicate");
        Assert.Equal(2, exit);
        Assert.Contains("'--frobnicate'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_aggregator_refuses_an_unknown_key_naming_it()
    {
        using var dir = new ScratchDirectory();
        File.WriteAllText(dir.File("aggregator.json"), """{ "Port": 7400 }""");
        var (exit, output) = await RunningProcess.RunAsync("warden-aggregator", "--config", dir.File("aggregator.json"), "--state", dir.Path);
        Assert.Equal(78, exit);
        Assert.Contains("unknown key 'Port'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_aggregator_refuses_a_notification_route_to_an_unknown_receiver_naming_it()
    {
        using var dir = new ScratchDirectory();
        File.WriteAllText(dir.File("aggregator.json"), """
            { "Notifications": { "Receivers": { "ops": { "Webhook": { "Url": "http://127.0.0.1:9/hook" } } },
                                 "Routes": [ { "Severities": [ "P0" ], "Receivers": [ "pagr" ] } ] } }
            """);
        var (exit, output) = await RunningProcess.RunAsync("warden-aggregator", "--config", dir.File("aggregator.json"), "--state", dir.Path);
        Assert.Equal(78, exit);
        Assert.Contains("Notifications:Routes:0:Receivers: unknown receiver 'pagr' (defined: ops", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_aggregator_on_the_same_database_refuses_to_start()
    {
        using var dir = new ScratchDirectory();
        using var first = await AggregatorProcess.StartAsync(dir.Path);
        var (exit, output) = await RunningProcess.RunAsync("warden-aggregator", "--listen", "http://127.0.0.1:0", "--state", dir.Path);
        Assert.Equal(74, exit);
        Assert.Contains("in use by another process", output, StringComparison.Ordinal);
        Assert.NotNull(await first.Operator.ListHostsAsync(new Warden.Proto.V1.ListHostsRequest()));
    }
}

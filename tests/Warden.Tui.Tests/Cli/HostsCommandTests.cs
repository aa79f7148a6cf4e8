using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Warden.Tui.Cli;
using Warden.Tui.Tests.Fixtures;

namespace Warden.Tui.Tests.Cli;

public sealed class HostsCommandTests
{
    [Fact]
    public async Task Prints_the_aggregators_hosts_as_a_table()
    {
        await using FakeAggregator aggregator = await FakeAggregator.StartAsync(Hosts.Web01(), Hosts.Db02());
        var console = new CapturedConsole();

        int exit = await WardenCommandLine.RunAsync(["hosts", "--aggregator", aggregator.Address.ToString()], console.Console);

        Assert.Equal(ExitCodes.Ok, exit);
        string[] lines = console.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["HOST", "STATE", "HEALTH", "WORST", "LAST", "SEEN", "CPU%", "MEM%", "LOAD", "AGENT"], Words(lines[0]));
        Assert.Equal(["db-02", "disconnected", "-", "-", "2m", "-", "-", "-", "0.0.9"], Words(lines[1]));
        Assert.Equal(["web-01", "connected", "-", "-", "3s", "12.3", "56.8", "0.50/1.25/2.00", "0.1.0"], Words(lines[2]));
    }

    [Fact]
    public async Task The_environment_variable_names_the_aggregator_when_no_flag_does()
    {
        await using FakeAggregator aggregator = await FakeAggregator.StartAsync(Hosts.Web01());
        var console = new CapturedConsole(new Dictionary<string, string> { ["WARDEN_AGGREGATOR"] = aggregator.Address.ToString() });

        int exit = await WardenCommandLine.RunAsync(["hosts"], console.Console);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("web-01", console.Out);
    }

    [Fact]
    public async Task Json_output_parses_back()
    {
        await using FakeAggregator aggregator = await FakeAggregator.StartAsync(Hosts.Web01(), Hosts.Db02());
        var console = new CapturedConsole();

        int exit = await WardenCommandLine.RunAsync(["hosts", "--json", "--aggregator", aggregator.Address.ToString()], console.Console);

        Assert.Equal(ExitCodes.Ok, exit);
        using JsonDocument json = JsonDocument.Parse(console.Out);
        JsonElement[] hosts = json.RootElement.GetProperty("hosts").EnumerateArray().ToArray();
        Assert.Equal(["db-02", "web-01"], hosts.Select(h => h.GetProperty("host").GetString()));
        Assert.Equal(120, hosts[0].GetProperty("lastSeenAgeSeconds").GetInt64());
        Assert.Equal(JsonValueKind.Null, hosts[0].GetProperty("cpuBusyPct").ValueKind);
        Assert.Equal(0.5, hosts[1].GetProperty("load1").GetDouble());
    }

    [Fact]
    public async Task A_closed_port_exits_3_naming_the_address_and_status()
    {
        string address = $"http://127.0.0.1:{ClosedPort()}";
        var console = new CapturedConsole();

        int exit = await WardenCommandLine.RunAsync(["hosts", "--aggregator", address], console.Console);

        Assert.Equal(ExitCodes.Unreachable, exit);
        Assert.Contains(address, console.Error);
        Assert.Contains("Unavailable", console.Error);
        Assert.Empty(console.Out);
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // Bind then release an ephemeral port: nothing listens there for the moment the test needs.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Warden.Proto.V1;

namespace Warden.EndToEnd.Tests.Harness;

/// <summary>A real warden-aggregator on 127.0.0.1 with its own state folder.</summary>
internal sealed class AggregatorProcess : IDisposable
{
    private readonly RunningProcess _process;
    private GrpcChannel? _channel;

    private AggregatorProcess(RunningProcess process, string stateDirectory, string address)
    {
        _process = process;
        StateDirectory = stateDirectory;
        Address = address;
    }

    public string StateDirectory { get; }

    public string Address { get; }

    public string DatabasePath => System.IO.Path.Combine(StateDirectory, "warden.db");

    public string Output => _process.Output;

    public Operator.OperatorClient Operator => new(Channel);

    public AgentLink.AgentLinkClient AgentLink => new(Channel);

    private GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress(Address);

    /// <summary>Starts it and waits until it listens. Port 0 lets the kernel choose.</summary>
    public static async Task<AggregatorProcess> StartAsync(string stateDirectory, int port = 0)
    {
        var portFile = System.IO.Path.Combine(stateDirectory, $"address-{Guid.NewGuid():N}");
        // /metrics on a port of its own choosing, so that aggregators of tests running side by side never collide.
        var process = RunningProcess.Start("warden-aggregator",
            "--listen", $"http://127.0.0.1:{port}", "--state", stateDirectory, "--port-file", portFile, "--metrics-listen", "http://127.0.0.1:0");
        var address = await Eventually.GetAsync(
            () => Task.FromResult(File.Exists(portFile) ? File.ReadAllText(portFile).Trim() : null),
            "the aggregator to listen", diagnostics: () => process.Output);
        return new AggregatorProcess(process, stateDirectory, address);
    }

    /// <summary>A port free right now on loopback, for a restart that must come back on the same one.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Where /metrics is served (HTTP/1.1), as the aggregator logged it.</summary>
    public Task<string> MetricsAddressAsync() => Eventually.GetAsync(
        () => Task.FromResult(System.Text.RegularExpressions.Regex.Match(Output, @"metrics on (http://\S+)/metrics") is { Success: true } m ? m.Groups[1].Value : null),
        "the aggregator to log its metrics address", diagnostics: () => Output);

    public async Task<HostSummary?> FindHostAsync(string host)
    {
        var hosts = await Operator.ListHostsAsync(new ListHostsRequest());
        return hosts.Hosts.FirstOrDefault(h => h.Host == host);
    }

    public void Kill()
    {
        _channel?.Dispose();
        _channel = null;
        _process.Kill();
    }

    public Task<int> StopAsync()
    {
        _channel?.Dispose();
        _channel = null;
        return _process.StopAsync();
    }

    public void Dispose()
    {
        _channel?.Dispose();
        _process.Dispose();
    }
}

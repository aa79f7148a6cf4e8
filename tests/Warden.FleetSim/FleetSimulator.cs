using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Warden.Proto.V1;

namespace Warden.FleetSim;

/// <summary>
/// N simulated agents against one aggregator over real gRPC (HTTP/2, several connections as the
/// server's stream limit requires). Hosts are named PREFIX-00001.. and scriptable one by one.
/// </summary>
public sealed class FleetSimulator : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly Dictionary<string, SimulatedHost> _byName;
    private readonly TimeProvider _time;

    /// <param name="extraReadings">Readings each batch carries beyond the model's 21 (more filesystems).</param>
    public FleetSimulator(string address, int hosts, TimeSpan shipInterval, string prefix = "sim", TimeProvider? time = null, int extraReadings = 0)
    {
        _time = time ?? TimeProvider.System;
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            },
            HttpVersion = HttpVersion.Version20,
        });
        var client = new AgentLink.AgentLinkClient(_channel);
        Hosts = Enumerable.Range(1, hosts)
            .Select(i => new SimulatedHost($"{prefix}-{i:D5}", client, i, shipInterval, _time, extraReadings))
            .ToList();
        _byName = Hosts.ToDictionary(h => h.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<SimulatedHost> Hosts { get; }

    public SimulatedHost this[string name] => _byName[name];

    public long AckCount => Hosts.Sum(h => h.AckCount);

    /// <summary>Connects every host, <paramref name="parallel"/> at a time.</summary>
    public Task ConnectAllAsync(CancellationToken token, int parallel = 64) =>
        Parallel.ForEachAsync(Hosts, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = token },
            async (host, ct) => await host.ConnectAsync(ct));

    /// <summary>Every host ships once per its interval, the hosts spread evenly over the interval, until cancelled.</summary>
    public async Task RunAsync(CancellationToken token)
    {
        var interval = Hosts.Count == 0 ? TimeSpan.FromSeconds(1) : Hosts[0].ShipInterval;
        var runs = Hosts.Select((host, i) => ShipEveryAsync(host, interval * i / Hosts.Count, interval, token));
        try
        {
            await Task.WhenAll(runs);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (RpcException e) when (token.IsCancellationRequested && e.StatusCode == StatusCode.Cancelled)
        {
            // A write that was waiting on flow control when the run ended.
        }
    }

    /// <summary>
    /// Benchmark load: every host sends <paramref name="batchesPerHost"/> sample batches as fast as
    /// acknowledgements allow (at most <paramref name="window"/> unacknowledged each). Returns when all are acknowledged.
    /// </summary>
    public Task FloodAsync(int batchesPerHost, int window, CancellationToken token) =>
        Task.WhenAll(Hosts.Select(h => Task.Run(() => h.FloodAsync(batchesPerHost, window, token), token)));

    /// <summary>
    /// One shipping round on the caller's clock (a scenario's fake one): every host that is not
    /// silent steps its faults and ships a batch; returns once the aggregator acknowledged all of it.
    /// </summary>
    public async Task ShipRoundAsync(CancellationToken token, int parallel = 64)
    {
        await Parallel.ForEachAsync(Hosts.Where(h => !h.Silent), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = token },
            async (host, ct) => await host.ShipAsync(ct));
        await WaitAllAckedAsync(token);
    }

    /// <summary>Waits until every host that is not silent has had all it sent acknowledged.</summary>
    public Task WaitAllAckedAsync(CancellationToken token) =>
        Task.WhenAll(Hosts.Where(h => !h.Silent).Select(h => h.WaitAckedAsync(h.LastSequence, token)));

    /// <summary>The hosts stop talking at the same moment; with <paramref name="disconnect"/> their streams end too (a network cut).</summary>
    public Task GoSilentAsync(IEnumerable<SimulatedHost> hosts, bool disconnect = true) =>
        Task.WhenAll(hosts.Select(h => h.GoSilentAsync(disconnect)));

    private async Task ShipEveryAsync(SimulatedHost host, TimeSpan offset, TimeSpan interval, CancellationToken token)
    {
        await Task.Delay(offset, _time, token);
        using var timer = new PeriodicTimer(interval, _time);
        do
        {
            await host.ShipAsync(token);
        }
        while (await timer.WaitForNextTickAsync(token));
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(Hosts, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (h, _) => await h.DisposeAsync());
        _channel.Dispose();
    }
}

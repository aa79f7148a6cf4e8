using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Warden.Proto.V1;

namespace Warden.Tui.Tests.Fixtures;

/// <summary>A real Kestrel gRPC server (h2c on 127.0.0.1, ephemeral port) serving a scripted Operator service.</summary>
internal sealed class FakeAggregator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeAggregator(WebApplication app, Uri address, FakeOperatorService service)
    {
        _app = app;
        Address = address;
        Service = service;
    }

    public Uri Address { get; }

    public FakeOperatorService Service { get; }

    public static async Task<FakeAggregator> StartAsync(params HostSummary[] hosts)
    {
        var service = new FakeOperatorService(hosts);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);

        WebApplication app = builder.Build();
        app.MapGrpcService<FakeOperatorService>();
        await app.StartAsync();

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FakeAggregator(app, new Uri(bound), service);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// ListHosts answers the given hosts. Each WatchHosts call sends them and a snapshot end, then
/// ends the stream (clients see a drop and must reconnect) unless <see cref="HoldStreamsOpen"/>.
/// </summary>
internal sealed partial class FakeOperatorService(HostSummary[] hosts) : Operator.OperatorBase
{
    private int _watchCalls;

    public int WatchCalls => Volatile.Read(ref _watchCalls);

    public bool HoldStreamsOpen { get; set; }

    public override Task<ListHostsResponse> ListHosts(ListHostsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListHostsResponse { Hosts = { hosts }, ServerTime = Timestamp.FromDateTimeOffset(Hosts.ServerTime) });

    public override async Task WatchHosts(WatchHostsRequest request, IServerStreamWriter<HostUpdate> responseStream, ServerCallContext context)
    {
        Interlocked.Increment(ref _watchCalls);
        foreach (HostSummary host in hosts)
        {
            await responseStream.WriteAsync(new HostUpdate { Host = host });
        }

        await responseStream.WriteAsync(new HostUpdate { SnapshotEnd = new SnapshotEnd { ServerTime = Timestamp.FromDateTimeOffset(Hosts.ServerTime) } });
        if (HoldStreamsOpen)
        {
            // Open until the client goes away, like a quiet fleet.
            await Task.Delay(Timeout.Infinite, context.CancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>What GetReport answers; null leaves it unimplemented, like an aggregator that predates it.</summary>
    public ResilienceReport? Report { get; set; }

    public GetReportRequest? LastReportRequest { get; private set; }

    public override Task<ResilienceReport> GetReport(GetReportRequest request, ServerCallContext context)
    {
        LastReportRequest = request;
        return Report is null ? base.GetReport(request, context) : Task.FromResult(Report);
    }
}

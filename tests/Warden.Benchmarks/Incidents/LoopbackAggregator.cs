extern alias aggregator;

using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using aggregator::Warden.Aggregator;
using aggregator::Warden.Aggregator.Api;
using aggregator::Warden.Aggregator.Configuration;
using aggregator::Warden.Aggregator.Fleet;
using aggregator::Warden.Aggregator.Incidents;
using aggregator::Warden.Aggregator.Ingest;
using aggregator::Warden.Aggregator.Notifications;
using aggregator::Warden.Aggregator.Storage;
using Warden.Testing;

namespace Warden.Benchmarks.Incidents;

/// <summary>
/// The aggregator's ingest, incident engine and operator API wired as in AggregatorHost, on a
/// fresh LiteDB file and an ephemeral 127.0.0.1 port, with the real clock.
/// </summary>
internal sealed class LoopbackAggregator : IAsyncDisposable
{
    private readonly ScratchDirectory _dir;
    private readonly LiteDbSiteStore _store;
    private readonly WebApplication _app;

    private LoopbackAggregator(ScratchDirectory dir, LiteDbSiteStore store, WebApplication app, GrpcChannel channel)
    {
        _dir = dir;
        _store = store;
        _app = app;
        Channel = channel;
    }

    public GrpcChannel Channel { get; }

    public static async Task<LoopbackAggregator> StartAsync()
    {
        var dir = new ScratchDirectory();
        var store = new LiteDbSiteStore(dir.File("warden.db"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        AggregatorHost.AddAggregator(builder.Services, new AggregatorOptions(), store);
        var app = builder.Build();
        app.MapGrpcService<AgentLinkService>();
        app.MapGrpcService<OperatorService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackAggregator(dir, store, app, GrpcChannel.ForAddress(address));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store.Dispose();
        _dir.Dispose();
    }
}

using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Warden.Aggregator.Api;
using Warden.Aggregator.Configuration;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Incidents;
using Warden.Aggregator.Reports;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Tests.Incidents;

/// <summary>The aggregator's real OperatorService over h2c on 127.0.0.1 (ephemeral port), on the harness's engine.</summary>
internal sealed class OperatorApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private OperatorApiServer(WebApplication app, GrpcChannel channel)
    {
        _app = app;
        _channel = channel;
    }

    public Operator.OperatorClient Client => new(_channel);

    public static Metadata As(string user) => new() { { OperatorIdentity.MetadataKey, user } };

    public static async Task<OperatorApiServer> StartAsync(EngineHarness h)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<TimeProvider>(h.Time);
        builder.Services.AddSingleton(new HostRegistry(h.Site, h.Time, new AggregatorOptions()));
        builder.Services.AddSingleton<IRecentReadings>(new RecentReadings(new AggregatorOptions()));
        builder.Services.AddSingleton(h.Engine);
        builder.Services.AddSingleton<IIncidentStore>(h.Store);
        builder.Services.AddSingleton<ISiteStore>(h.Site);
        builder.Services.AddSingleton(new ResilienceReporter(h.Store, h.Site, h.Time));
        var app = builder.Build();
        app.MapGrpcService<OperatorService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new OperatorApiServer(app, GrpcChannel.ForAddress(address));
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

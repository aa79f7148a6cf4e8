using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Warden.Aggregator.Api;
using Warden.Aggregator.Configuration;
using Warden.Aggregator.Incidents;
using Warden.Aggregator.Ingest;
using Warden.Aggregator.Notifications;
using Warden.Aggregator.Storage;

namespace Warden.Aggregator.Tests.Scenarios;

/// <summary>
/// The whole aggregator in process, wired by AggregatorHost.AddAggregator as the service wires it,
/// on a real LiteDB file in a scratch folder, serving AgentLink and Operator over h2c on an
/// ephemeral 127.0.0.1 port; only the clock is a FakeTimeProvider, which the scenario moves.
/// </summary>
internal sealed class ScenarioAggregator : IAsyncDisposable
{
    private readonly ScratchDirectory _dir;
    private readonly LiteDbSiteStore _store;
    private readonly WebApplication _app;

    private ScenarioAggregator(ScratchDirectory dir, LiteDbSiteStore store, WebApplication app, string address)
    {
        _dir = dir;
        _store = store;
        _app = app;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
        Engine = app.Services.GetRequiredService<IncidentEngine>();
        Dispatcher = app.Services.GetRequiredService<NotificationDispatcher>();
    }

    /// <summary>http://127.0.0.1:PORT, where agents and operators connect.</summary>
    public string Address { get; }

    public GrpcChannel Channel { get; }

    public IncidentEngine Engine { get; }

    public NotificationDispatcher Dispatcher { get; }

    public static async Task<ScenarioAggregator> StartAsync(AggregatorOptions options, FakeTimeProvider clock)
    {
        // On tmpfs where there is one: every commit's checkpoint fsyncs, which on this disk would make a
        // 100-host shipping round take half a second; the scenarios are about incidents, not durability.
        var dir = new ScratchDirectory(Directory.Exists("/dev/shm") ? "/dev/shm" : null);
        options.StateDirectory = dir.Path;
        RuleSet.ValidateSettings(options.Incidents);
        NotificationOptionsValidator.Validate(options.Notifications);
        var store = new LiteDbSiteStore(options.DatabasePath);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2);
            k.Limits.Http2.MaxStreamsPerConnection = 1000;
        });
        builder.Services.AddGrpc();
        AggregatorHost.AddAggregator(builder.Services, options, store);
        builder.Services.AddSingleton<TimeProvider>(clock); // the last registration wins: every part runs on the scenario's clock
        var app = builder.Build();
        app.MapGrpcService<AgentLinkService>();
        app.MapGrpcService<OperatorService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ScenarioAggregator(dir, store, app, address);
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

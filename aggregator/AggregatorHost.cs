using System.IO.Compression;
using System.Net;
using Grpc.Net.Compression;
using LiteDB;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Warden.Aggregator.Api;
using Warden.Aggregator.Configuration;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Incidents;
using Warden.Aggregator.Ingest;
using Warden.Aggregator.Notifications;
using Warden.Aggregator.Storage;

namespace Warden.Aggregator;

/// <summary>Wires the aggregator's parts in one explicit list and runs them.</summary>
internal static class AggregatorHost
{
    public const int MaxMessageBytes = 4 * 1024 * 1024;
    public static readonly TimeSpan KeepAlivePingDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan KeepAlivePingTimeout = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(AggregatorOptions options, IPEndPoint endpoint, string? portFile)
    {
        LiteDbSiteStore store;
        try
        {
            store = new LiteDbSiteStore(options.DatabasePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteException)
        {
            Console.Error.WriteLine($"warden-aggregator: database {Path.GetFullPath(options.DatabasePath)} cannot be opened: {e.Message}");
            return AggregatorCommandLine.ExitDatabase;
        }

        using (store)
        {
            // No command-line or appsettings configuration: the Warden file and flags are the only inputs.
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffzzz ";
            });
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http2);
                kestrel.Limits.MaxRequestBodySize = null; // streams are long-lived; each message is capped by gRPC
                // The aggregator pings idle agent connections too, so one whose host vanished is closed
                // and its stream released instead of waiting on TCP for many minutes.
                kestrel.Limits.Http2.KeepAlivePingDelay = KeepAlivePingDelay;
                kestrel.Limits.Http2.KeepAlivePingTimeout = KeepAlivePingTimeout;
            });
            builder.Services.AddGrpc(grpc =>
            {
                grpc.MaxReceiveMessageSize = MaxMessageBytes;
                grpc.MaxSendMessageSize = MaxMessageBytes;
                // Agents send their messages gzip-compressed (grpc-encoding: gzip); nothing else is accepted but identity.
                grpc.CompressionProviders = [new GzipCompressionProvider(CompressionLevel.Fastest)];
            });
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddSingleton<ISiteStore>(store);
            builder.Services.AddSingleton<HostRegistry>();
            // The one INotificationDispatcher: logs every notice, then groups and sends it to the
            // configured receivers (none configured: logged only).
            builder.Services.AddNotifications(options.Notifications);
            AddIncidents(builder.Services, options, store);

            var app = builder.Build();
            app.MapGrpcService<AgentLinkService>();
            app.MapGrpcService<OperatorService>();

            try
            {
                await app.StartAsync();
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"warden-aggregator: cannot listen on {options.Listen}: {e.Message}");
                return AggregatorCommandLine.ExitConfig;
            }
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? options.Listen;
            Log.Listening(app.Services.GetRequiredService<ILogger<AgentLinkService>>(), AgentLinkService.Version, address, store.Path);
            if (portFile is not null)
            {
                // Written whole then renamed, so a reader never sees half an address.
                var temporary = portFile + ".tmp";
                await File.WriteAllTextAsync(temporary, address + "\n");
                File.Move(temporary, portFile, overwrite: true);
            }
            await app.WaitForShutdownAsync();
            return 0;
        }
    }

    private static void AddIncidents(IServiceCollection services, AggregatorOptions options, LiteDbSiteStore store)
    {
        services.AddSingleton(options.Incidents);
        services.AddSingleton<IIncidentStore>(new LiteDbIncidentStore(store));
        services.AddSingleton<IncidentEngine>();
        services.AddSingleton<IFleetObserver>(sp => sp.GetRequiredService<IncidentEngine>());
        services.AddHostedService(sp => sp.GetRequiredService<IncidentEngine>());
    }
}

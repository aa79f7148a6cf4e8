using System.IO.Compression;
using System.Net;
using Grpc.Net.Compression;
using LiteDB;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Warden.Aggregator.Admin;
using Warden.Aggregator.Api;
using Warden.Aggregator.Configuration;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Incidents;
using Warden.Aggregator.Ingest;
using Warden.Aggregator.Notifications;
using Warden.Aggregator.Reports;
using Warden.Aggregator.Metrics;
using Warden.Aggregator.Storage;

namespace Warden.Aggregator;

/// <summary>Wires the aggregator's parts in one explicit list and runs them.</summary>
public static class AggregatorHost
{
    public const int MaxMessageBytes = 4 * 1024 * 1024;
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan KeepAlivePingDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan KeepAlivePingTimeout = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(AggregatorOptions options, IPEndPoint endpoint, string? portFile)
    {
        LiteDbSiteStore store;
        try
        {
            store = new LiteDbSiteStore(options.DatabasePath, TimeSpan.FromSeconds(options.Ingest.HostFlushSeconds));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteException)
        {
            Console.Error.WriteLine($"warden-aggregator: database {Path.GetFullPath(options.DatabasePath)} cannot be opened: {e.Message}");
            return AggregatorCommandLine.ExitDatabase;
        }

        using (store)
        {
            ListenOptions? agents = null, metrics = null;
            // No command-line or appsettings configuration: the Warden file and flags are the only inputs.
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
            // SIGTERM stops within seconds even when a peer has stalled its connection: what has not
            // finished by then is aborted (agents resend whatever was not acknowledged).
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffzzz ";
            });
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("Grpc", LogLevel.Warning); // not a line per agent that hangs up
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(endpoint, listen => (agents = listen).Protocols = HttpProtocols.Http2);
                if (options.Metrics.Listen.Length > 0)
                {
                    // Prometheus scrapes with HTTP/1.1; the agents' listener speaks HTTP/2 only (no TLS, no ALPN).
                    kestrel.Listen(AggregatorConfigLoader.LoopbackEndpoint("Metrics:Listen", options.Metrics.Listen, 7401),
                        listen => (metrics = listen).Protocols = HttpProtocols.Http1);
                }
                kestrel.Limits.MaxRequestBodySize = null; // streams are long-lived; each message is capped by gRPC
                // The aggregator pings idle agent connections too, so one whose host vanished is closed
                // and its stream released instead of waiting on TCP for many minutes.
                kestrel.Limits.Http2.KeepAlivePingDelay = KeepAlivePingDelay;
                kestrel.Limits.Http2.KeepAlivePingTimeout = KeepAlivePingTimeout;
                kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            });
            builder.Services.AddGrpc(grpc =>
            {
                grpc.MaxReceiveMessageSize = MaxMessageBytes;
                grpc.MaxSendMessageSize = MaxMessageBytes;
                // Agents send their messages gzip-compressed (grpc-encoding: gzip); nothing else is accepted but identity.
                grpc.CompressionProviders = [new GzipCompressionProvider(CompressionLevel.Fastest)];
            });
            AddAggregator(builder.Services, options, store);

            var app = builder.Build();
            app.MapGrpcService<AgentLinkService>();
            app.MapGrpcService<OperatorService>();
            app.MapGrpcService<AdminService>();
            app.MapGet("/metrics", (HttpContext context, WardenMetrics figures, HostRegistry registry, IngestQueue queue) =>
                context.Connection.LocalPort == metrics?.IPEndPoint?.Port
                    ? MetricsEndpoint.WriteAsync(context, figures, registry, queue)
                    : Task.FromResult(context.Response.StatusCode = StatusCodes.Status404NotFound));

            try
            {
                await app.StartAsync();
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"warden-aggregator: cannot listen on {options.Listen} / {options.Metrics.Listen}: {e.Message}");
                return AggregatorCommandLine.ExitConfig;
            }
            var logger = app.Services.GetRequiredService<ILogger<AgentLinkService>>();
            var address = $"http://{agents!.IPEndPoint}";
            Log.Listening(logger, AgentLinkService.Version, address, store.Path);
            if (metrics?.IPEndPoint is { } bound)
            {
                Log.MetricsListening(logger, $"http://{bound}");
            }
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

    /// <summary>Every part of the aggregator (also used by in-process benchmarks).</summary>
    public static void AddAggregator(IServiceCollection services, AggregatorOptions options, LiteDbSiteStore store)
    {
        AddParts(services, options, store);
        // The one INotificationDispatcher: logs every notice, then groups and sends it to the
        // configured receivers (none configured: logged only).
        services.AddNotifications(options.Notifications);
        AddIncidents(services, options, store);
    }

    /// <summary>Ingest, the fleet's live state, metrics and retention, in one explicit list.</summary>
    private static void AddParts(IServiceCollection services, AggregatorOptions options, ISiteStore store)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(store);
        services.AddSingleton<WardenMetrics>();
        services.AddSingleton<HostRegistry>();
        services.AddSingleton<RecentReadings>();
        services.AddSingleton<IRecentReadings>(sp => sp.GetRequiredService<RecentReadings>());
        services.AddSingleton<IngestQueue>();
        services.AddSingleton<CommitFanout>();
        services.AddHostedService<IngestWriter>();
        services.AddHostedService<LivenessMonitor>();
        services.AddHostedService<RetentionSweeper>();
    }

    private static void AddIncidents(IServiceCollection services, AggregatorOptions options, LiteDbSiteStore store)
    {
        services.AddSingleton(options.Incidents);
        services.AddSingleton<IIncidentStore>(new LiteDbIncidentStore(store));
        services.AddSingleton<IncidentEngine>();
        services.AddSingleton<ResilienceReporter>();
        services.AddSingleton<IFleetObserver>(sp => sp.GetRequiredService<IncidentEngine>());
        services.AddHostedService(sp => sp.GetRequiredService<IncidentEngine>());
    }
}

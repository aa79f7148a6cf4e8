using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Incidents;
using Warden.Aggregator.Reports;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Api;

/// <summary>The operator API (operator.proto) behind `warden`; incidents in OperatorService.Incidents.cs, the report in OperatorService.Report.cs.</summary>
public sealed partial class OperatorService(HostRegistry registry, IRecentReadings recent, TimeProvider time, IHostApplicationLifetime lifetime,
    IncidentEngine incidents, IIncidentStore incidentStore, ResilienceReporter reports, ISiteStore site) : Operator.OperatorBase
{
    public override Task<GetHostResponse> GetHost(GetHostRequest request, ServerCallContext context)
    {
        var summary = registry.Find(request.Host)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"host '{request.Host}' is not known to this aggregator"));
        var response = new GetHostResponse { Host = summary, ServerTime = Timestamp.FromDateTimeOffset(time.GetUtcNow()) };
        response.Checks.Add(registry.Checks(request.Host) ?? []);
        HostDetail.FillBudgets(response.Checks, summary.Latest);
        response.Recent.Add(recent.Recent(request.Host));
        response.Heals.Add(HostDetail.Heals(site, request.Host));
        return Task.FromResult(response);
    }

    public override Task<ListHostsResponse> ListHosts(ListHostsRequest request, ServerCallContext context)
    {
        var response = new ListHostsResponse { ServerTime = Timestamp.FromDateTimeOffset(time.GetUtcNow()) };
        response.Hosts.Add(registry.Snapshot());
        return Task.FromResult(response);
    }

    public override async Task WatchHosts(WatchHostsRequest request, IServerStreamWriter<HostUpdate> responseStream, ServerCallContext context)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var token = stopping.Token;
        // Subscribe before the snapshot so that a change in between is sent, not lost.
        using var watcher = registry.Watch();
        foreach (var host in registry.Snapshot())
        {
            await responseStream.WriteAsync(new HostUpdate { Host = host }, token);
        }
        await responseStream.WriteAsync(new HostUpdate { SnapshotEnd = new SnapshotEnd { ServerTime = Timestamp.FromDateTimeOffset(time.GetUtcNow()) } }, token);
        try
        {
            while (!token.IsCancellationRequested)
            {
                foreach (var name in await watcher.NextAsync(token))
                {
                    if (registry.Find(name) is { } host)
                    {
                        await responseStream.WriteAsync(new HostUpdate { Host = host }, token);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }
}

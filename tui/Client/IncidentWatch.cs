using System.Runtime.CompilerServices;
using Grpc.Core;
using Warden.Proto.V1;

namespace Warden.Tui.Client;

/// <summary>What an incident watch reports, in order: upserts, a snapshot end, upserts, and losses.</summary>
internal interface IIncidentFeedObserver
{
    void IncidentUpserted(IncidentSummary incident);

    void SnapshotEnded(DateTimeOffset serverTime);

    void ConnectionLost(string reason, TimeSpan retryIn);
}

/// <summary>Keeps a WatchIncidents stream open (every state, so acknowledged and resolved ones update in place).</summary>
internal sealed class IncidentWatch(Func<CancellationToken, IAsyncEnumerable<IncidentUpdate>> source, IIncidentFeedObserver observer, TimeProvider time, ReconnectBackoff backoff)
{
    public static Func<CancellationToken, IAsyncEnumerable<IncidentUpdate>> Grpc(Operator.OperatorClient client) =>
        cancellationToken => WatchAsync(client, cancellationToken);

    public Task RunAsync(CancellationToken cancellationToken) =>
        new StreamWatch<IncidentUpdate>(source, Dispatch, observer.ConnectionLost, time, backoff).RunAsync(cancellationToken);

    private static async IAsyncEnumerable<IncidentUpdate> WatchAsync(Operator.OperatorClient client, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using AsyncServerStreamingCall<IncidentUpdate> call = client.WatchIncidents(new WatchIncidentsRequest(), cancellationToken: cancellationToken);
        await foreach (IncidentUpdate update in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return update;
        }
    }

    private void Dispatch(IncidentUpdate update)
    {
        switch (update.BodyCase)
        {
            case IncidentUpdate.BodyOneofCase.Incident:
                observer.IncidentUpserted(update.Incident);
                break;
            case IncidentUpdate.BodyOneofCase.SnapshotEnd:
                backoff.Reset();
                observer.SnapshotEnded(update.SnapshotEnd.ServerTime?.ToDateTimeOffset() ?? time.GetUtcNow());
                break;
            default:
                break;
        }
    }
}

/// <summary>The console's incident actions, sent as the operator (metadata "warden-operator").</summary>
internal interface IIncidentActions
{
    Task<IncidentDetail> GetAsync(ulong id);

    Task<IncidentDetail> AcknowledgeAsync(ulong id, string comment);

    Task<IncidentDetail> ResolveAsync(ulong id, string comment);
}

internal sealed class GrpcIncidentActions(Operator.OperatorClient client, string? operatorName) : IIncidentActions
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public Task<IncidentDetail> GetAsync(ulong id) => client.GetIncidentAsync(new GetIncidentRequest { Id = id }, Options()).ResponseAsync;

    public Task<IncidentDetail> AcknowledgeAsync(ulong id, string comment) =>
        client.AcknowledgeAsync(new AcknowledgeRequest { Id = id, Comment = comment }, Options()).ResponseAsync;

    public Task<IncidentDetail> ResolveAsync(ulong id, string comment) =>
        client.ResolveAsync(new ResolveRequest { Id = id, Comment = comment }, Options()).ResponseAsync;

    private CallOptions Options() => ConsoleCallOptions.For(operatorName, CallTimeout);
}

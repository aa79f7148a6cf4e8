using Grpc.Core;
using Warden.Proto.V1;
using Warden.Tui.Client;

namespace Warden.Tui.Tests.Fixtures;

/// <summary>
/// The console's incident calls, answered in memory the way the aggregator does (state changes,
/// NOT_FOUND, FAILED_PRECONDITION), and recorded so a test can assert what was sent.
/// The wire path is proven end to end against the real aggregator.
/// </summary>
internal sealed class RecordingIncidentActions : IIncidentActions
{
    private readonly Dictionary<ulong, IncidentDetail> _details = [];

    public List<string> Calls { get; } = [];

    public void Add(IncidentDetail detail) => _details[detail.Summary.Id] = detail;

    public Task<IncidentDetail> GetAsync(ulong id)
    {
        Calls.Add($"get {id}");
        return Task.FromResult(Find(id).Clone());
    }

    public Task<IncidentDetail> AcknowledgeAsync(ulong id, string comment) => Change(id, $"ack {id}", IncidentState.Acknowledged);

    public Task<IncidentDetail> ResolveAsync(ulong id, string comment) => Change(id, $"resolve {id} {comment}", IncidentState.Resolved);

    private Task<IncidentDetail> Change(ulong id, string call, IncidentState to)
    {
        Calls.Add(call);
        IncidentDetail detail = Find(id);
        if (detail.Summary.State == IncidentState.Resolved)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"incident {id} is resolved"));
        }

        detail.Summary.State = to;
        return Task.FromResult(detail.Clone());
    }

    private IncidentDetail Find(ulong id) =>
        _details.GetValueOrDefault(id) ?? throw new RpcException(new Status(StatusCode.NotFound, $"no incident {id}"));
}

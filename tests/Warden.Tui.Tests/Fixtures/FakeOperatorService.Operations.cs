using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Warden.Proto.V1;

namespace Warden.Tui.Tests.Fixtures;

/// <summary>
/// The operator calls behind :audit, :silences, `s` and `c`, kept the way the aggregator keeps them:
/// silences get ids and their creator from "warden-operator", every change is audited, a missing
/// comment is INVALID_ARGUMENT and an unknown id NOT_FOUND.
/// </summary>
internal sealed partial class FakeOperatorService
{
    private readonly object _gate = new();
    private readonly List<SilenceInfo> _silences = [];

    /// <summary>What ListAudit answers, newest first; changes made here are added in front.</summary>
    public List<AuditEntry> Audit { get; } = [];

    public ConcurrentQueue<(string Operator, SilenceRequest Request)> SilenceRequests { get; } = new();

    public ConcurrentQueue<(string Operator, CommentRequest Request)> CommentRequests { get; } = new();

    public int AuditCalls => Volatile.Read(ref _auditCalls);

    private int _auditCalls;

    public IReadOnlyList<SilenceInfo> Silences
    {
        get
        {
            lock (_gate)
            {
                return _silences.Select(s => s.Clone()).ToList();
            }
        }
    }

    public void AddSilence(SilenceInfo silence)
    {
        lock (_gate)
        {
            _silences.Add(silence);
        }
    }

    public override Task<SilenceInfo> Silence(SilenceRequest request, ServerCallContext context)
    {
        string actor = Actor(context);
        SilenceRequests.Enqueue((actor, request));
        Require(request.Comment, "comment");
        lock (_gate)
        {
            var silence = new SilenceInfo
            {
                Id = (ulong)_silences.Count + 1, Host = request.Host, Component = request.Component, Check = request.Check, Label = request.Label,
                StartsAt = Timestamp.FromDateTimeOffset(Hosts.ServerTime), EndsAt = request.EndsAt, CreatedBy = actor, Comment = request.Comment, Active = true,
            };
            _silences.Add(silence);
            Audited(actor, "silence", 0, silence.Id, request.Comment);
            return Task.FromResult(silence.Clone());
        }
    }

    public override Task<ListSilencesResponse> ListSilences(ListSilencesRequest request, ServerCallContext context)
    {
        lock (_gate)
        {
            return Task.FromResult(new ListSilencesResponse { Silences = { _silences.Where(s => request.IncludeExpired || s.Active).Select(s => s.Clone()) } });
        }
    }

    public override Task<SilenceInfo> ExpireSilence(ExpireSilenceRequest request, ServerCallContext context)
    {
        Require(request.Comment, "comment");
        lock (_gate)
        {
            SilenceInfo silence = _silences.FirstOrDefault(s => s.Id == request.Id)
                ?? throw new RpcException(new Status(StatusCode.NotFound, $"silence {request.Id} does not exist"));
            silence.Active = false;
            silence.EndsAt = Timestamp.FromDateTimeOffset(Hosts.ServerTime);
            Audited(Actor(context), "expire-silence", 0, silence.Id, request.Comment);
            return Task.FromResult(silence.Clone());
        }
    }

    public override Task<IncidentDetail> Comment(CommentRequest request, ServerCallContext context)
    {
        string actor = Actor(context);
        CommentRequests.Enqueue((actor, request));
        Require(request.Text, "text");
        lock (_gate)
        {
            Audited(actor, "comment", request.Id, 0, request.Text);
        }

        return Task.FromResult(new IncidentDetail { Summary = new IncidentSummary { Id = request.Id, Title = $"incident {request.Id}", State = IncidentState.Open } });
    }

    public override Task<ListAuditResponse> ListAudit(ListAuditRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref _auditCalls);
        lock (_gate)
        {
            return Task.FromResult(new ListAuditResponse { Entries = { Audit.Select(e => e.Clone()) } });
        }
    }

    private void Audited(string actor, string action, ulong incident, ulong silence, string reason) =>
        Audit.Insert(0, new AuditEntry { At = Timestamp.FromDateTimeOffset(Hosts.ServerTime), Actor = actor, Action = action, IncidentId = incident, SilenceId = silence, Reason = reason });

    private static string Actor(ServerCallContext context) => context.RequestHeaders.GetValue("warden-operator") ?? context.Peer;

    private static void Require(string text, string field)
    {
        if (text.Trim().Length == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field}: must not be empty"));
        }
    }
}

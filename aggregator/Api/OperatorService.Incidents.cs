using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Warden.Aggregator.Incidents;
using Warden.Proto.V1;
using Model = Warden.Aggregator.Incidents;

namespace Warden.Aggregator.Api;

/// <summary>Incidents, silences and the audit log over the operator API.</summary>
public sealed partial class OperatorService
{
    private const int MaxIncidents = 500;
    private const int MaxAudit = 1000;
    private const int MaxText = 2000;

    public override Task<ListIncidentsResponse> ListIncidents(ListIncidentsRequest request, ServerCallContext context)
    {
        var query = Query(request.Filter, request.Limit);
        var now = Now;
        var silences = incidentStore.Silences();
        var response = new ListIncidentsResponse { ServerTime = Timestamp.FromDateTime(now) };
        response.Incidents.Add(incidentStore.Query(query).Select(i => IncidentMessages.Summary(i, now, silences)));
        return Task.FromResult(response);
    }

    public override async Task WatchIncidents(WatchIncidentsRequest request, IServerStreamWriter<IncidentUpdate> responseStream, ServerCallContext context)
    {
        var query = Query(request.Filter, 0);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var token = stopping.Token;
        // Subscribe before the snapshot so that a change in between is sent, not lost.
        using var watcher = incidents.Feed.Watch();
        var sent = new HashSet<long>();
        foreach (var incident in incidentStore.Query(query))
        {
            sent.Add(incident.Id);
            await responseStream.WriteAsync(new IncidentUpdate { Incident = IncidentMessages.Summary(incident, Now, incidentStore.Silences()) }, token);
        }
        await responseStream.WriteAsync(new IncidentUpdate { SnapshotEnd = new SnapshotEnd { ServerTime = Timestamp.FromDateTime(Now) } }, token);
        try
        {
            while (!token.IsCancellationRequested)
            {
                foreach (var id in await watcher.NextAsync(token))
                {
                    // A watched incident that stops matching (resolved under an open-only filter) is sent once more, so the client can drop it.
                    if (incidentStore.Find(id) is { } incident && (Matches(query, incident) || sent.Contains(id)))
                    {
                        sent.Add(id);
                        await responseStream.WriteAsync(new IncidentUpdate { Incident = IncidentMessages.Summary(incident, Now, incidentStore.Silences()) }, token);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    public override Task<IncidentDetail> GetIncident(GetIncidentRequest request, ServerCallContext context) =>
        Task.FromResult(IncidentMessages.Detail(incidentStore.Find(RequireId(request.Id)) ?? throw NotFound(request.Id), Now, incidentStore.Silences()));

    public override async Task<IncidentDetail> Acknowledge(AcknowledgeRequest request, ServerCallContext context)
    {
        var actor = OperatorIdentity.Of(context);
        var comment = Text(request.Comment, "comment", required: false);
        return Detail(await Apply(() => incidents.AcknowledgeAsync(RequireId(request.Id), actor, comment.Length > 0 ? comment : "acknowledged")));
    }

    public override async Task<IncidentDetail> Resolve(ResolveRequest request, ServerCallContext context)
    {
        var actor = OperatorIdentity.Of(context);
        var comment = Text(request.Comment, "comment", required: true);
        return Detail(await Apply(() => incidents.ResolveAsync(RequireId(request.Id), actor, comment)));
    }

    public override async Task<IncidentDetail> Comment(CommentRequest request, ServerCallContext context)
    {
        var actor = OperatorIdentity.Of(context);
        var text = Text(request.Text, "text", required: true);
        return Detail(await Apply(() => incidents.CommentAsync(RequireId(request.Id), actor, text)));
    }

    public override async Task<SilenceInfo> Silence(SilenceRequest request, ServerCallContext context)
    {
        var actor = OperatorIdentity.Of(context);
        var silence = SilenceRequests.ToSilence(request, Text(request.Comment, "comment", required: true));
        return IncidentMessages.Silence(await Apply(() => incidents.SilenceAsync(silence, actor)), Now);
    }

    public override Task<ListSilencesResponse> ListSilences(ListSilencesRequest request, ServerCallContext context)
    {
        var response = new ListSilencesResponse();
        response.Silences.Add(incidents.SilencesSnapshot(request.IncludeExpired).Select(s => IncidentMessages.Silence(s, Now)));
        return Task.FromResult(response);
    }

    public override async Task<SilenceInfo> ExpireSilence(ExpireSilenceRequest request, ServerCallContext context)
    {
        var actor = OperatorIdentity.Of(context);
        var comment = Text(request.Comment, "comment", required: true);
        return IncidentMessages.Silence(await Apply(() => incidents.ExpireSilenceAsync(RequireId(request.Id), actor, comment)), Now);
    }

    public override Task<ListAuditResponse> ListAudit(ListAuditRequest request, ServerCallContext context)
    {
        var limit = request.Limit is 0 or > MaxAudit ? MaxAudit : (int)request.Limit;
        var entries = incidentStore.Audit(request.IncidentId == 0 ? null : (long)request.IncidentId, request.Since?.ToDateTime(), limit);
        var response = new ListAuditResponse();
        response.Entries.Add(entries.Select(IncidentMessages.Audit));
        return Task.FromResult(response);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // Read back from the store: the engine's own copy is its worker's alone.
    private IncidentDetail Detail(Incident incident) =>
        IncidentMessages.Detail(incidentStore.Find(incident.Id) ?? incident, Now, incidentStore.Silences());

    private static async Task<T> Apply<T>(Func<Task<T>> command)
    {
        try
        {
            return await command();
        }
        catch (IncidentCommandException e)
        {
            var code = e.Problem switch
            {
                CommandProblem.NotFound => StatusCode.NotFound,
                CommandProblem.InvalidArgument => StatusCode.InvalidArgument,
                _ => StatusCode.FailedPrecondition,
            };
            throw new RpcException(new Status(code, e.Message));
        }
    }

    private static IncidentQuery Query(IncidentFilter? filter, uint limit)
    {
        filter ??= new IncidentFilter();
        var states = filter.States.Select(s => IncidentMessages.State(s) ?? throw Invalid($"filter.states: {s} is not a state")).ToList();
        var severities = filter.Severities.Select(s => IncidentMessages.Severity(s) ?? throw Invalid($"filter.severities: {s} is not a severity")).ToList();
        return new IncidentQuery(states, severities, filter.Host.Length == 0 ? null : filter.Host, limit is 0 or > MaxIncidents ? MaxIncidents : (int)limit);
    }

    private static bool Matches(IncidentQuery q, Incident i) =>
        (q.States is not { Count: > 0 } || q.States.Contains(i.State))
        && (q.Severities is not { Count: > 0 } || q.Severities.Contains(i.Severity))
        && (q.Host is null || i.Hosts.Contains(q.Host));

    private static long RequireId(ulong id) =>
        id is 0 or > long.MaxValue ? throw Invalid($"id: {id} is not an incident or silence id (1 or more)") : (long)id;

    internal static string Text(string text, string field, bool required)
    {
        var trimmed = text.Trim();
        if (required && trimmed.Length == 0)
        {
            throw Invalid($"{field}: must not be empty");
        }
        return trimmed.Length > MaxText ? throw Invalid($"{field}: longer than {MaxText} characters") : trimmed;
    }

    internal static RpcException Invalid(string detail) => new(new Status(StatusCode.InvalidArgument, detail));

    private static RpcException NotFound(ulong id) => new(new Status(StatusCode.NotFound, $"incident {id} does not exist"));
}

/// <summary>Checks a SilenceRequest field by field and turns it into the model's silence.</summary>
internal static class SilenceRequests
{
    public static Model.Silence ToSilence(SilenceRequest r, string comment)
    {
        if (r.Host.Length == 0 && r.Component.Length == 0 && r.Check.Length == 0 && r.Label.Length == 0)
        {
            throw OperatorService.Invalid("host, component, check, label: at least one matcher must be set");
        }
        if (r.Label.Length > 0 && r.Label.IndexOf('=', StringComparison.Ordinal) <= 0)
        {
            throw OperatorService.Invalid($"label: '{r.Label}' is not of the form key=value");
        }
        if (r.EndsAt is null)
        {
            throw OperatorService.Invalid("ends_at: must be set (silences always expire)");
        }
        return new Model.Silence
        {
            Host = Matcher(r.Host, "host"),
            Component = Matcher(r.Component, "component"),
            Check = Matcher(r.Check, "check"),
            Label = r.Label.Length == 0 ? null : r.Label,
            StartsAt = r.StartsAt?.ToDateTime() ?? default,
            EndsAt = r.EndsAt.ToDateTime(),
            Comment = comment,
        };
    }

    private static string? Matcher(string value, string field) =>
        value.Length == 0 ? null : value.Length > 256 ? throw OperatorService.Invalid($"{field}: longer than 256 characters") : value;
}

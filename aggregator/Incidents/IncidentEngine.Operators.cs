namespace Warden.Aggregator.Incidents;

/// <summary>What operators do to incidents and silences; each runs on the worker and is audited.</summary>
public sealed partial class IncidentEngine
{
    public Task<Incident> AcknowledgeAsync(long id, string actor, string comment) => Run(() =>
    {
        var incident = Require(id);
        if (incident.State == IncidentState.Resolved)
        {
            throw new IncidentCommandException(CommandProblem.FailedPrecondition, $"incident {id} is resolved; it cannot be acknowledged");
        }
        if (incident.State == IncidentState.Acknowledged)
        {
            throw new IncidentCommandException(CommandProblem.FailedPrecondition, $"incident {id} was already acknowledged by {incident.AcknowledgedBy}");
        }
        Book.Acknowledge(incident, actor, comment, Now);
        return incident;
    });

    public Task<Incident> ResolveAsync(long id, string actor, string comment) => Run(() =>
    {
        var incident = Require(id);
        if (incident.State == IncidentState.Resolved)
        {
            throw new IncidentCommandException(CommandProblem.FailedPrecondition, $"incident {id} is already resolved (by {incident.ResolvedBy})");
        }
        Book.Resolve(incident, actor, comment, Now);
        Log.IncidentResolved(_logger, incident.Id, actor, incident.Title);
        return incident;
    });

    public Task<Incident> CommentAsync(long id, string actor, string text) => Run(() =>
    {
        var incident = Require(id);
        Book.Comment(incident, actor, text, Now);
        return incident;
    });

    public Task<Silence> SilenceAsync(Silence silence, string actor) => Run(() =>
    {
        var now = Now;
        silence.CreatedBy = actor;
        silence.CreatedAt = now;
        if (silence.StartsAt == default)
        {
            silence.StartsAt = now;
        }
        if (silence.EndsAt <= silence.StartsAt || silence.EndsAt <= now)
        {
            throw new IncidentCommandException(CommandProblem.InvalidArgument, $"ends_at {silence.EndsAt:u} must be after starts_at {silence.StartsAt:u} and after now");
        }
        _store.Save(silence);
        _silences.Add(silence);
        Book.Audit(now, actor, "silence", null, $"{silence.Describe()} from {silence.StartsAt:u} until {silence.EndsAt:u}: {silence.Comment}", silence.Id);
        return silence;
    });

    public Task<Silence> ExpireSilenceAsync(long id, string actor, string reason) => Run(() =>
    {
        var now = Now;
        var silence = _silences.Find(s => s.Id == id)
            ?? throw new IncidentCommandException(CommandProblem.NotFound, $"silence {id} does not exist");
        if (silence.EndsAt <= now)
        {
            throw new IncidentCommandException(CommandProblem.FailedPrecondition, $"silence {id} already ended at {silence.EndsAt:u}");
        }
        silence.EndsAt = now;
        _store.Save(silence);
        Book.Audit(now, actor, "expire-silence", null, $"{silence.Describe()}: {reason}", silence.Id);
        return silence;
    });

    public IReadOnlyList<Silence> SilencesSnapshot(bool includeExpired) =>
        _store.Silences().Where(s => includeExpired || s.EndsAt > Now).ToList();

    private Incident Require(long id) =>
        Book.Find(id) ?? throw new IncidentCommandException(CommandProblem.NotFound, $"incident {id} does not exist");
}

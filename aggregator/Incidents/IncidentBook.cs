namespace Warden.Aggregator.Incidents;

/// <summary>
/// The incidents the engine works on (active, and recently resolved so that a recurrence reopens
/// them), with every change collected until <see cref="Commit"/> writes them and their audit
/// entries in one durable write. Used from the engine's single worker only.
/// </summary>
public sealed class IncidentBook
{
    public const string Engine = "warden";

    private readonly IIncidentStore _store;
    private readonly IncidentOptions _options;
    private readonly Dictionary<string, Incident> _byFingerprint = new(StringComparer.Ordinal);
    private readonly List<Incident> _dirty = [];
    private readonly List<AuditEntry> _audit = [];
    private long _lastId;

    public IncidentBook(IIncidentStore store, IncidentOptions options, DateTime now)
    {
        _store = store;
        _options = options;
        _lastId = store.LastIncidentId();
        foreach (var incident in store.Recent(now - options.ReopenWindow).OrderBy(i => i.Id))
        {
            _byFingerprint[incident.Fingerprint] = incident;
        }
    }

    public IEnumerable<Incident> Known => _byFingerprint.Values;

    /// <summary>Incidents changed since the last commit.</summary>
    public IReadOnlyList<Incident> Dirty => _dirty;

    public IEnumerable<Incident> Active => _byFingerprint.Values.Where(i => i.IsActive);

    public Incident? Latest(string fingerprint) => _byFingerprint.GetValueOrDefault(fingerprint);

    public Incident? ActiveWith(string fingerprint) => Latest(fingerprint) is { IsActive: true } i ? i : null;

    public Incident? Find(long id) => _byFingerprint.Values.FirstOrDefault(i => i.Id == id) ?? _store.Find(id);

    /// <summary>Opens a new incident, or reopens the last one of this fingerprint if it was resolved within ReopenWindow.</summary>
    public Incident OpenOrReopen(string fingerprint, IncidentScope scope, Detection first, Severity severity, string title, DateTime now)
    {
        if (Latest(fingerprint) is { IsActive: false, MergedInto: null } last && last.ResolvedAt >= now - _options.ReopenWindow)
        {
            Reopen(last, first, now);
            return last;
        }
        var incident = new Incident
        {
            Id = ++_lastId,
            Fingerprint = fingerprint,
            Title = title,
            Severity = severity,
            State = IncidentState.Open,
            Scope = scope,
            Rule = first.Rule.Name,
            Component = first.Component,
            Check = first.Check,
            OpenedAt = now,
            EpisodeStart = now,
            NotifyAt = now + _options.NotifyHold,
        };
        incident.Note(first.At, "detected", first.Host, $"{first.Check} on {first.Host}: {first.Reason}");
        incident.Note(now, "classified", Engine, $"rule {first.Rule.Name} -> {severity} ({scope.ToString().ToLowerInvariant()})");
        _byFingerprint[fingerprint] = incident;
        Failing(incident, first);
        Touch(incident);
        Audit(now, Engine, "open", incident.Id, $"rule {first.Rule.Name}: {title} ({severity})");
        return incident;
    }

    /// <summary>Marks the check failing in the incident (adding it as a child if new) and keeps the evidence.</summary>
    public void Failing(Incident incident, Detection d)
    {
        var child = incident.Child(d.Host, d.Check);
        if (child is null)
        {
            child = new IncidentChild { Host = d.Host, Component = d.Component, Check = d.Check };
            incident.Children.Add(child);
            if (incident.Children.Count > 1)
            {
                incident.Note(d.At, "child", d.Host, $"{d.Check} on {d.Host} joined: {d.Reason}");
            }
            if (incident.Scope != IncidentScope.Host)
            {
                var hosts = incident.Hosts.Count();
                incident.Title = incident.Scope == IncidentScope.Partition
                    ? $"suspected network partition: {hosts} hosts silent"
                    : $"{incident.Check} failing on {hosts} hosts";
                incident.Evidence.Counters["hosts"] = hosts;
            }
        }
        else if (!child.Failing)
        {
            incident.Note(d.At, "detected", d.Host, $"{d.Check} on {d.Host} failing again: {d.Reason}");
        }
        child.Failing = true;
        child.Since = d.At;
        child.Reason = d.Reason;
        incident.Occurrences++;
        incident.Evidence.Count("occurrences");
        if (d.Transition is { } t)
        {
            IncidentEvidence.AddBounded(incident.Evidence.Transitions, t, IncidentEvidence.MaxTransitions);
        }
        // A heal-exhausted detection's event was already recorded by Healed when the incident held the check.
        if (d.Heal is { } h && !incident.Evidence.Heals.Contains(h))
        {
            IncidentEvidence.AddBounded(incident.Evidence.Heals, h, IncidentEvidence.MaxHeals);
        }
        Touch(incident);
    }

    /// <summary>The check is OK again: the incident resolves once all its checks stayed OK for AutoResolveAfter.</summary>
    public void Recovered(string host, string check, DateTime at, EvidenceTransition? transition)
    {
        foreach (var incident in Active.ToList())
        {
            if (incident.Child(host, check) is { Failing: true } child)
            {
                child.Failing = false;
                child.Since = at;
                incident.Note(at, "recovered", host, $"{check} on {host} is OK");
                if (transition is not null)
                {
                    IncidentEvidence.AddBounded(incident.Evidence.Transitions, transition, IncidentEvidence.MaxTransitions);
                }
                Touch(incident);
            }
        }
    }

    /// <summary>Records a heal event on the active incidents whose checks it is about.</summary>
    public void Healed(EvidenceHeal heal)
    {
        foreach (var incident in Active.Where(i => i.Child(heal.Host, heal.Check) is not null))
        {
            IncidentEvidence.AddBounded(incident.Evidence.Heals, heal, IncidentEvidence.MaxHeals);
            incident.Evidence.Count("heal_" + heal.Outcome.ToLowerInvariant());
            incident.Note(heal.At, "heal", heal.Host, $"{heal.Action}: {heal.Outcome} ({heal.RunsInWindow}/{heal.Budget} runs) {heal.Detail}".TrimEnd());
            Touch(incident);
        }
    }

    /// <summary>A fleet or partition incident takes over a host incident: the host one is closed, pointing to it.</summary>
    public void Merge(Incident from, Incident into, DateTime now)
    {
        from.State = IncidentState.Resolved;
        from.ResolvedAt = now;
        from.ResolvedBy = Engine;
        from.MergedInto = into.Id;
        from.Note(now, "merged", Engine, $"taken over by incident {into.Id} ({into.Title})");
        into.Evidence.Transitions.AddRange(from.Evidence.Transitions.Take(2));
        into.Evidence.Heals.AddRange(from.Evidence.Heals.Take(2));
        into.Evidence.Count("merged_incidents");
        into.Note(now, "merged", Engine, $"incident {from.Id} ({from.Title}) folded in");
        Audit(now, Engine, "merge", from.Id, $"into incident {into.Id}");
        Touch(from);
        Touch(into);
    }

    /// <summary>A more severe rule matched the same failure: the incident takes its severity and is announced again.</summary>
    public void Raise(Incident incident, ClassificationRule rule, DateTime now)
    {
        if (rule.Severity >= incident.Severity)
        {
            return;
        }
        var reason = $"rule {rule.Name}: {incident.Severity} -> {rule.Severity}";
        incident.Note(now, "classified", Engine, reason);
        Audit(now, Engine, "raise", incident.Id, reason);
        incident.Severity = rule.Severity;
        incident.Rule = rule.Name;
        if (incident.Notified == NotifiedState.Firing)
        {
            incident.Notified = NotifiedState.None;
            incident.NotifyAt = now;
        }
        Touch(incident);
    }

    public void Reopen(Incident incident, Detection d, DateTime now)
    {
        incident.State = IncidentState.Open;
        incident.ResolvedAt = null;
        incident.ResolvedBy = null;
        incident.AcknowledgedAt = null;
        incident.AcknowledgedBy = null;
        incident.EscalationLevel = 0;
        incident.EpisodeStart = now;
        incident.ReopenCount++;
        incident.Evidence.Count("reopens");
        incident.Note(now, "reopened", Engine, $"{d.Check} on {d.Host} failed again within {_options.ReopenWindow}: {d.Reason} (reopen {incident.ReopenCount})");
        Audit(now, Engine, "reopen", incident.Id, $"recurrence {incident.ReopenCount}: {d.Reason}");
        Failing(incident, d);
    }

    public void Acknowledge(Incident incident, string actor, string comment, DateTime now)
    {
        incident.State = IncidentState.Acknowledged;
        incident.AcknowledgedAt = now;
        incident.AcknowledgedBy = actor;
        incident.Note(now, "acknowledged", actor, comment);
        Audit(now, actor, "acknowledge", incident.Id, comment);
        Touch(incident);
    }

    public void Resolve(Incident incident, string actor, string reason, DateTime now)
    {
        incident.State = IncidentState.Resolved;
        incident.ResolvedAt = now;
        incident.ResolvedBy = actor;
        incident.Note(now, "resolved", actor, reason);
        Audit(now, actor, "resolve", incident.Id, reason);
        Touch(incident);
    }

    public void Comment(Incident incident, string actor, string text, DateTime now)
    {
        incident.Note(now, "comment", actor, text);
        Audit(now, actor, "comment", incident.Id, text);
        Touch(incident);
    }

    public void Escalate(Incident incident, DateTime now)
    {
        incident.EscalationLevel++;
        var reason = $"not acknowledged {now - incident.EpisodeStart:g} after it opened (SLA {SeverityTable.ResponseSla(incident.Severity):g} for {incident.Severity}); level {incident.EscalationLevel}";
        incident.Note(now, "escalated", Engine, reason);
        Audit(now, Engine, "escalate", incident.Id, reason);
        Touch(incident);
    }

    public void Audit(DateTime at, string actor, string action, long? incidentId, string reason, long? silenceId = null) =>
        _audit.Add(new AuditEntry { At = at, Actor = actor, Action = action, IncidentId = incidentId, SilenceId = silenceId, Reason = reason });

    public void Touch(Incident incident)
    {
        if (!_dirty.Contains(incident))
        {
            _dirty.Add(incident);
        }
    }

    /// <summary>Writes every changed incident and the audit entries durably; returns the changed incidents.</summary>
    public IReadOnlyList<Incident> Commit(DateTime now)
    {
        if (_dirty.Count == 0 && _audit.Count == 0)
        {
            return [];
        }
        var changed = _dirty.ToList();
        _store.Save(changed, _audit.ToList());
        _dirty.Clear();
        _audit.Clear();
        Forget(now);
        return changed;
    }

    private void Forget(DateTime now)
    {
        // Resolved incidents are kept in memory only as long as a recurrence would reopen them.
        var horizon = now - _options.ReopenWindow;
        foreach (var (fingerprint, incident) in _byFingerprint.Where(p => !p.Value.IsActive && p.Value.ResolvedAt < horizon).ToList())
        {
            _byFingerprint.Remove(fingerprint);
        }
    }
}

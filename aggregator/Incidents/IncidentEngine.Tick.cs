namespace Warden.Aggregator.Incidents;

/// <summary>What time decides: rule durations, silent hosts, auto-resolve, flapping, escalation, held notices.</summary>
public sealed partial class IncidentEngine
{
    /// <summary>How often the sliding windows drop what fell out of them (hosts and checks that went quiet).</summary>
    public static readonly TimeSpan ForgetEvery = TimeSpan.FromMinutes(1);

    private DateTime _forgotAt;

    private void Tick()
    {
        var now = Now;
        ForgetQuiet(now);
        FirePending(now);
        ReportSilentHosts(now);
        foreach (var incident in Book.Known.ToList())
        {
            AutoResolve(incident, now);
            UpdateFlapping(incident, now);
            Escalate(incident, now);
            Owe(NoticePolicy.Owed(incident, _silences, now, Book));
        }
    }

    private void ForgetQuiet(DateTime now)
    {
        if (now - _forgotAt < ForgetEvery)
        {
            return;
        }
        _forgotAt = now;
        _flaps.Forget(now);
        _fleet.Forget(now);
        _silentWindow.Forget(now);
    }

    private void FirePending(DateTime now)
    {
        foreach (var d in _pending.Where(d => d.At + d.Rule.For <= now).ToList())
        {
            _pending.Remove(d);
            if (_checks.GetValueOrDefault((d.Host, d.Check)) is { Failing: true } status && status.Since <= d.At)
            {
                Fire(d);
            }
        }
    }

    private void ReportSilentHosts(DateTime now)
    {
        var partition = Book.ActiveWith(IncidentFingerprint.Partition);
        foreach (var (host, since) in _silentSince.Where(s => s.Value + _options.SilentHold <= now).ToList())
        {
            if (_silentReported.Contains(host) || partition?.Child(host, IncidentFingerprint.LivenessCheck) is not null
                || _rules.First(DetectionKind.HostSilent, "agent", IncidentFingerprint.LivenessCheck) is not { } rule)
            {
                continue;
            }
            _silentReported.Add(host);
            Fire(Silent(rule, host, since));
        }
    }

    private void AutoResolve(Incident incident, DateTime now)
    {
        if (!incident.IsActive || incident.Children.Count == 0 || incident.Children.Exists(c => c.Failing))
        {
            return;
        }
        var okSince = incident.Children.Max(c => c.Since);
        if (okSince + _options.AutoResolveAfter <= now)
        {
            Book.Resolve(incident, IncidentBook.Engine, $"every check behind it OK since {okSince:u} ({_options.AutoResolveAfter:g})", now);
            Log.IncidentResolved(_logger, incident.Id, IncidentBook.Engine, incident.Title);
        }
    }

    private void UpdateFlapping(Incident incident, DateTime now)
    {
        var changes = incident.Children.Count == 0 ? 0 : incident.Children.Max(c => _flaps.ChangesIn(c.Host, c.Check, now));
        var flapping = changes >= _options.FlapChanges;
        if (flapping == incident.Flapping)
        {
            return;
        }
        incident.Flapping = flapping;
        if (flapping)
        {
            incident.Evidence.Count("flapping_episodes");
        }
        incident.Note(now, "flapping", IncidentBook.Engine, flapping
            ? $"{changes} state changes within {_options.FlapWindow:g}: repeat notifications held back"
            : $"fewer than {_options.FlapChanges} state changes within {_options.FlapWindow:g}: no longer flapping");
        Book.Touch(incident);
    }

    private void Escalate(Incident incident, DateTime now)
    {
        // Escalation is for failures nobody took on: not once acknowledged, nor while its checks are OK again.
        if (incident.State != IncidentState.Open || !incident.Children.Exists(c => c.Failing))
        {
            return;
        }
        var sla = SeverityTable.ResponseSla(incident.Severity);
        var repeat = _options.EscalationRepeat > TimeSpan.Zero ? _options.EscalationRepeat : sla;
        if (now < incident.EpisodeStart + sla + (repeat * incident.EscalationLevel))
        {
            return;
        }
        Book.Escalate(incident, now);
        Log.IncidentEscalated(_logger, incident.Id, incident.Severity.ToString(), incident.EscalationLevel, incident.Title);
        Owe(NoticePolicy.Escalated(incident, _silences, now, Book));
    }
}

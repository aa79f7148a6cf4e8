using Warden.Aggregator.Fleet;
using Warden.Proto.V1;

namespace Warden.Aggregator.Incidents;

/// <summary>Classification: check transitions, heal events and liveness into incidents.</summary>
public sealed partial class IncidentEngine
{
    private readonly HostWindow _fleet;
    private readonly HostWindow _silentWindow;
    private readonly FlapTracker _flaps;
    private readonly ClassificationRule _partitionRule;
    private readonly HashSet<string> _hosts = new(StringComparer.Ordinal);
    private readonly ReadingWindow _readings;
    private readonly Dictionary<(string Host, string Check), CheckStatus> _checks = [];
    private readonly List<Detection> _pending = [];
    private readonly Dictionary<string, DateTime> _silentSince = new(StringComparer.Ordinal);
    private readonly HashSet<string> _silentReported = new(StringComparer.Ordinal);

    private sealed record CheckStatus(bool Failing, string Component, string Reason, DateTime Since, EvidenceTransition Transition);

    private void OnSamples(string host, SampleBatch batch, DateTime at)
    {
        _hosts.Add(host);
        _readings.Add(host, batch, at);
    }

    private void OnEvents(string host, EventBatch batch, DateTime receivedAt)
    {
        _hosts.Add(host);
        foreach (var e in batch.Events)
        {
            var at = e.At?.ToDateTime() ?? receivedAt;
            switch (e.BodyCase)
            {
                case Event.BodyOneofCase.CheckTransition:
                    OnTransition(host, e.CheckTransition, at);
                    break;
                case Event.BodyOneofCase.Heal:
                    OnHeal(host, e.Heal, at);
                    break;
            }
        }
    }

    private void OnTransition(string host, CheckTransition t, DateTime at)
    {
        if (t.ToState is CheckState.Unknown or CheckState.Unspecified)
        {
            return; // no data: never recovery, never failure
        }
        var failing = t.ToState is CheckState.Warn or CheckState.Crit;
        var key = (host, t.Check);
        var previous = _checks.GetValueOrDefault(key);
        if (previous is null || previous.Failing != failing)
        {
            _flaps.Changed(host, t.Check, at);
        }
        var evidence = Evidence(host, t, at);
        _checks[key] = new CheckStatus(failing, t.Component, t.Reason, previous?.Failing == failing ? previous.Since : at, evidence);
        if (!failing)
        {
            _pending.RemoveAll(d => d.Host == host && d.Check == t.Check);
            Book.Recovered(host, t.Check, at, evidence);
            return;
        }
        var state = t.ToState == CheckState.Crit ? "CRIT" : "WARN";
        foreach (var rule in _rules.Matching(t.Component, t.Check, state, t.StateType == StateType.Hard))
        {
            var detection = new Detection(rule, host, t.Component, t.Check, t.Reason, at) { Transition = evidence };
            if (rule.IsFleetRule)
            {
                if (FleetRuleFires(detection))
                {
                    return;
                }
                continue;
            }
            if (rule.For > TimeSpan.Zero)
            {
                if (!_pending.Exists(d => d.Host == host && d.Check == t.Check))
                {
                    _pending.Add(detection);
                }
                return;
            }
            Fire(detection);
            return;
        }
    }

    private void OnHeal(string host, HealEvent heal, DateTime at)
    {
        var evidence = new EvidenceHeal
        {
            Host = host, At = at, Check = heal.Check, Action = heal.Action, Outcome = heal.Outcome.ToString().ToUpperInvariant(),
            RunsInWindow = (int)heal.RunsInWindow, Budget = (int)heal.Budget, Rule = heal.Rule, Detail = heal.Detail,
        };
        Book.Healed(evidence);
        if (heal.Outcome == HealOutcome.Exhausted && _rules.First(DetectionKind.HealExhausted, heal.Component, heal.Check) is { } rule)
        {
            Fire(new Detection(rule, host, heal.Component, heal.Check, $"heal budget spent: {heal.RunsInWindow}/{heal.Budget} runs of {heal.Action}", at) { Heal = evidence });
        }
    }

    private void OnLiveness(string host, HostLiveness liveness, DateTime at)
    {
        _hosts.Add(host);
        if (liveness == HostLiveness.Online)
        {
            if (_silentSince.Remove(host))
            {
                _flaps.Changed(host, IncidentFingerprint.LivenessCheck, at);
                _silentWindow.Remove(IncidentFingerprint.Partition, host);
                _silentReported.Remove(host);
                Book.Recovered(host, IncidentFingerprint.LivenessCheck, at, null);
            }
            return;
        }
        if (!_silentSince.TryAdd(host, at))
        {
            return; // silent, then offline: still the same absence
        }
        _flaps.Changed(host, IncidentFingerprint.LivenessCheck, at);
        var detection = Silent(_partitionRule, host, at);
        if (Book.ActiveWith(IncidentFingerprint.Partition) is not null)
        {
            FoldIntoFleet(detection, [host], IncidentFingerprint.Partition, IncidentScope.Partition);
            return;
        }
        var silent = _silentWindow.Add(IncidentFingerprint.Partition, host, at).Where(_silentSince.ContainsKey).ToList();
        if (silent.Count >= _partitionRule.HostsNeeded(_hosts.Count))
        {
            FoldIntoFleet(detection, silent, IncidentFingerprint.Partition, IncidentScope.Partition);
        }
    }

    /// <summary>A host rule fired on one host: dedupe, reopen or open, then fold into a fleet incident when K hosts share it.</summary>
    private void Fire(Detection d)
    {
        var fleetFingerprint = IncidentFingerprint.ForFleet(d.Check);
        if (Book.ActiveWith(fleetFingerprint) is { } fleet)
        {
            Book.Failing(fleet, d);
            Book.Raise(fleet, d.Rule, Now);
            return;
        }
        var fingerprint = IncidentFingerprint.ForHost(d.Host, d.Check);
        if (Book.ActiveWith(fingerprint) is { } existing)
        {
            Book.Failing(existing, d);
            existing.Evidence.Count("duplicates");
            Book.Raise(existing, d.Rule, Now);
            return;
        }
        var incident = Book.OpenOrReopen(fingerprint, IncidentScope.Host, d, d.Rule.Severity, HostTitle(d), Now);
        if (incident.Evidence.Readings.Count == 0)
        {
            incident.Evidence.Readings = _readings.Around(d.Host, d.Check, IncidentEvidence.MaxReadings);
        }
        Log.IncidentOpened(_logger, incident.Id, incident.Severity.ToString(), incident.Title, incident.ReopenCount);
        var hosts = _fleet.Add(fleetFingerprint, d.Host, d.At)
            .Where(h => h == d.Host || _checks.GetValueOrDefault((h, d.Check)) is { Failing: true })
            .ToList();
        if (d.Rule.Kind != DetectionKind.HostSilent && hosts.Count >= _options.FleetMinHosts)
        {
            FoldIntoFleet(d, hosts, fleetFingerprint, IncidentScope.Fleet);
        }
    }

    /// <summary>A fleet rule counts the host; it fires once enough hosts match within the window.</summary>
    private bool FleetRuleFires(Detection d)
    {
        var fingerprint = IncidentFingerprint.ForFleet(d.Check);
        if (Book.ActiveWith(fingerprint) is { } fleet)
        {
            Book.Failing(fleet, d);
            Book.Raise(fleet, d.Rule, Now);
            return true;
        }
        var hosts = _fleet.Add(fingerprint, d.Host, d.At)
            .Where(h => _checks.GetValueOrDefault((h, d.Check)) is { Failing: true })
            .ToList();
        if (hosts.Count < d.Rule.HostsNeeded(_hosts.Count))
        {
            return false;
        }
        FoldIntoFleet(d, hosts, fingerprint, IncidentScope.Fleet);
        return true;
    }

    /// <summary>Opens (or extends) the fleet or partition incident with the hosts as children, taking over their host incidents.</summary>
    private void FoldIntoFleet(Detection d, IReadOnlyCollection<string> hosts, string fingerprint, IncidentScope scope)
    {
        var now = Now;
        var fleet = Book.ActiveWith(fingerprint);
        if (fleet is null)
        {
            fleet = Book.OpenOrReopen(fingerprint, scope, d, d.Rule.Severity, d.Rule.Name, now);
            Log.IncidentOpened(_logger, fleet.Id, fleet.Severity.ToString(), d.Rule.Name, fleet.ReopenCount);
        }
        Book.Raise(fleet, d.Rule, now);
        foreach (var host in hosts)
        {
            var hostDetection = scope == IncidentScope.Partition ? Silent(d.Rule, host, _silentSince.GetValueOrDefault(host, d.At)) : Known(d, host);
            if (fleet.Child(host, d.Check) is not { Failing: true })
            {
                Book.Failing(fleet, hostDetection);
            }
            foreach (var taken in Book.Active.Where(i => i != fleet && i.Scope == IncidentScope.Host && i.Child(host, d.Check) is not null).ToList())
            {
                Book.Merge(taken, fleet, now);
            }
        }
        fleet.Evidence.Counters["fleet_size"] = _hosts.Count;
    }

    private Detection Known(Detection d, string host) =>
        host == d.Host || _checks.GetValueOrDefault((host, d.Check)) is not { } status
            ? d with { Host = host }
            : d with { Host = host, Reason = status.Reason, At = status.Since, Transition = status.Transition };

    private static Detection Silent(ClassificationRule rule, string host, DateTime since) =>
        new(rule, host, "agent", IncidentFingerprint.LivenessCheck, $"no records from {host}: silent since {since:u}", since);

    private static string HostTitle(Detection d) => d.Rule.Kind switch
    {
        DetectionKind.HealExhausted => $"healing exhausted for {d.Check} on {d.Host}",
        DetectionKind.HostSilent => $"{d.Host} is silent",
        _ => $"{d.Check} failing on {d.Host}",
    };

    private static EvidenceTransition Evidence(string host, CheckTransition t, DateTime at) => new()
    {
        Host = host, At = at, Component = t.Component, Check = t.Check, From = Name(t.FromState), To = Name(t.ToState),
        StateType = t.StateType == StateType.Hard ? "HARD" : "SOFT", Attempt = (int)t.Attempt, MaxAttempts = (int)t.MaxAttempts,
        Value = t.Value, Threshold = t.Threshold, Reason = t.Reason,
    };

    private static string Name(CheckState state) => state switch
    {
        CheckState.Ok => "OK",
        CheckState.Warn => "WARN",
        CheckState.Crit => "CRIT",
        CheckState.Unknown => "UNKNOWN",
        _ => "UNSPECIFIED",
    };
}

using Google.Protobuf.WellKnownTypes;
using Warden.FleetSim.Faults;
using Warden.Proto.V1;

namespace Warden.FleetSim;

/// <summary>What a scenario makes a simulated host report: check results and transitions, heal events, injected faults.</summary>
public sealed partial class SimulatedHost
{
    /// <summary>The check's state now (OK for a check it never reported).</summary>
    public CheckState StateOf(string check) => _checks.TryGetValue(check, out var known) ? known.State : CheckState.Ok;

    /// <summary>Injects a fault; from the next sample batch on it drives the host's readings and checks until it is finished.</summary>
    public void Inject(HostFault fault)
    {
        lock (_faults)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>A check turns non-OK and HARD at once (attempt = max), as the agent reports it after its retries.</summary>
    public Task<ulong> FailCheckAsync(string component, string check, CheckState state, double value, string threshold, string reason,
        CancellationToken token = default) =>
        SendTransitionAsync(Check(component, check).Force(state, value, threshold, reason), token);

    public Task<ulong> RecoverCheckAsync(string check, CancellationToken token = default)
    {
        var component = _checks.TryGetValue(check, out var known) ? known.Component : "system";
        return SendTransitionAsync(Check(component, check).Force(CheckState.Ok, 0, "", $"{check} is OK again"), token);
    }

    /// <summary>
    /// One result of a check, judged by the agent's SOFT/HARD rule; sends the transition it causes
    /// (returns its sequence) or nothing (returns 0).
    /// </summary>
    public async Task<ulong> ObserveAsync(string component, string check, CheckState result, double value, string threshold, string reason,
        CancellationToken token = default) =>
        Check(component, check).Observe(result, value, threshold, reason) is { } transition ? await SendTransitionAsync(transition, token) : 0;

    /// <summary>
    /// What the agent sends when healing cannot fix a check: <paramref name="runs"/> runs that each
    /// start and fail, then heal-exhausted with the budget spent.
    /// </summary>
    public async Task<ulong> ExhaustHealingAsync(string component, string check, string action, int runs = 3, CancellationToken token = default)
    {
        for (var run = 1; run <= runs; run++)
        {
            await HealAsync(component, check, HealOutcome.Started, action, (uint)run, (uint)runs, token);
            await HealAsync(component, check, HealOutcome.Failed, action, (uint)run, (uint)runs, token);
        }
        return await HealAsync(component, check, HealOutcome.Exhausted, action, (uint)runs, (uint)runs, token);
    }

    public Task<ulong> HealAsync(string component, string check, HealOutcome outcome, string action = "restart-unit sim.service",
        uint runsInWindow = 1, uint budget = 3, CancellationToken token = default) =>
        SendEventAsync(new Event { At = Timestamp.FromDateTimeOffset(_time.GetUtcNow()), Heal = new HealEvent
        {
            Component = component,
            Check = check,
            Action = action,
            Outcome = outcome,
            RunsInWindow = runsInWindow,
            Budget = budget,
            Rule = check,
        } }, token);

    private SimulatedCheck Check(string component, string check)
    {
        if (!_checks.TryGetValue(check, out var known))
        {
            _checks[check] = known = new SimulatedCheck(component, check);
        }
        return known;
    }

    private Task<ulong> SendTransitionAsync(CheckTransition transition, CancellationToken token) =>
        SendEventAsync(new Event { At = Timestamp.FromDateTimeOffset(_time.GetUtcNow()), CheckTransition = transition }, token);

    private async Task StepFaultsAsync(DateTimeOffset now, CancellationToken token)
    {
        HostFault[] faults;
        lock (_faults)
        {
            if (_faults.Count == 0)
            {
                return; // the benchmarks' hot path: no copy
            }
            faults = [.. _faults];
        }
        foreach (var fault in faults)
        {
            await fault.StepAsync(this, now, token);
        }
        lock (_faults)
        {
            _faults.RemoveAll(f => f.Finished);
        }
    }

    /// <summary>The agent's rule: 100, minus 10 per WARN and 40 per CRIT, warnings alone never below 80.</summary>
    private Dictionary<string, double> ComponentScores() =>
        _checks.Values.GroupBy(c => c.Component).ToDictionary(g => g.Key, g =>
        {
            var warn = g.Count(c => c.State == CheckState.Warn);
            var crit = g.Count(c => c.State == CheckState.Crit);
            var score = Math.Max(0, 100 - 10 * warn - 40 * crit);
            return crit == 0 ? Math.Max(80, score) : (double)score;
        });
}

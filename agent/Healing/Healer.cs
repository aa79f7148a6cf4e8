using Microsoft.Extensions.Logging;
using Warden.Agent.Checks;
using Warden.Agent.Configuration;
using Warden.Agent.Streaming;
using Warden.Proto.V1;

namespace Warden.Agent.Healing;

/// <summary>
/// Local healing (DESIGN.md, "Heal budget"): when a check with a heal rule turns HARD and its budget
/// allows, runs the rule's actions in order (one failing or hanging action never stops the next),
/// then waits GraceIntervals check intervals; the check's first result after the grace judges the
/// run SUCCEEDED (OK) or FAILED, and a failing check starts counting towards a new HARD from zero.
/// A spent budget emits EXHAUSTED once and stops healing the check until the budget resets.
/// </summary>
internal sealed class Healer
{
    private readonly Dictionary<string, HealState> _states = new(StringComparer.Ordinal);
    private readonly HealEvents _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<Task> _runs = [];
    private readonly CancellationTokenSource _stopping = new();

    public Healer(ChecksOptions options, HostPaths paths, PendingRecords pending, TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
        _events = new HealEvents(pending, time, Ledger);
        foreach (var rule in options.Heal)
        {
            var actions = rule.Actions.Select(a => HealAction.Create(a, options.SystemctlPath, paths, time)).ToList();
            _states[rule.Check] = new HealState(rule, actions, new HealBudget(options.HealBudget.MaxRuns, options.HealBudget.Window));
        }
    }

    /// <summary>
    /// Sees every result of every check (called by CheckService after the state machine). Starts a
    /// run on the transition to HARD; judges a run whose grace has ended.
    /// </summary>
    public void Observe(CheckOutcome outcome, bool becameHard, CheckStateMachine machine, TimeSpan interval)
    {
        // With no heal rules, return before outcome.Key builds a string: Observe runs for every result.
        if (_states.Count == 0 || !_states.TryGetValue(outcome.Key, out var state))
        {
            return;
        }
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (state.Budget.Observe(outcome.Result.Status, now))
            {
                Log.HealBudgetReset(_logger, outcome.Key, state.Budget.Window);
            }
            if (state.RearmPending)
            {
                state.RearmPending = false;
                if (machine.IsHard && !state.Running && state.GraceUntil is null)
                {
                    machine.Rearm(); // after an operator's reset: count to HARD again, which heals within the new budget
                }
            }
            if (state.Running)
            {
                return;
            }
            if (state.GraceUntil is { } graceEnd)
            {
                if (now < graceEnd || outcome.Result.Status == CheckStatus.Unknown)
                {
                    return; // the grace: failures neither count nor trigger; UNKNOWN judges nothing
                }
                state.GraceUntil = null;
                var outcomeOfRun = outcome.Result.Status == CheckStatus.Ok ? HealOutcome.Succeeded : HealOutcome.Failed;
                state.History[^1] = (state.History[^1].At, outcomeOfRun);
                if (outcomeOfRun == HealOutcome.Failed)
                {
                    machine.Rearm();
                }
                Log.HealJudged(_logger, outcome.Key, outcomeOfRun.ToString(), outcome.Result.Reason);
                _events.Emit(outcome, state, state.ActionList, outcomeOfRun, now, $"after the grace: {outcome.Result.Reason}");
                return;
            }
            if (!becameHard || outcome.Result.Status is CheckStatus.Ok or CheckStatus.Unknown)
            {
                return;
            }
            state.Evidence = HealEvents.EvidenceOf(outcome);
            state.Trigger = $"HARD after {machine.Attempt}/{machine.MaxAttempts} non-OK results: {outcome.Result.Reason} ({outcome.Result.Threshold})";
            if (!state.Budget.Allow(now))
            {
                if (state.Budget.MarkExhausted())
                {
                    Log.HealExhausted(_logger, outcome.Key, state.Budget.MaxRuns, state.Budget.Window);
                    _events.Emit(outcome, state, state.ActionList, HealOutcome.Exhausted, now, HealEvents.HistoryText(state.History));
                }
                return;
            }
            state.Budget.Record(now);
            state.History.Add((now, HealOutcome.Started));
            state.Running = true;
            state.Interval = interval;
            // Started here, under the lock, so the first action's deadline is armed before Observe returns.
            _runs.RemoveAll(t => t.IsCompleted);
            _runs.Add(RunAsync(outcome, state));
        }
    }

    private async Task RunAsync(CheckOutcome outcome, HealState state)
    {
        var timeout = TimeSpan.FromSeconds(state.Rule.TimeoutSeconds);
        foreach (var action in state.Actions)
        {
            HealActionResult result;
            try
            {
                result = await action.RunAsync(timeout, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                result = new HealActionResult(false, $"failed: {e.Message}"); // one failing action never stops the next
            }
            var kind = result.TimedOut ? HealOutcome.TimedOut : HealOutcome.Started;
            Log.HealAction(_logger, outcome.Key, action.Description, kind.ToString(), result.Detail);
            lock (_gate)
            {
                _events.Emit(outcome, state, action.Description, kind, _time.GetUtcNow(), result.Detail);
            }
        }
        lock (_gate)
        {
            state.Running = false;
            state.GraceUntil = _time.GetUtcNow() + state.Interval * state.Rule.GraceIntervals;
        }
    }

    /// <summary>
    /// An operator's reset (DESIGN.md, "Heal budget"): forgets the runs and the exhaustion of the check
    /// named, or of every check with a heal rule when <paramref name="check"/> is empty. A check still
    /// HARD starts counting again at its next result, so MaxAttempts more failures heal it without a recovery first.
    /// Returns the checks reset; empty when no heal rule has that key.
    /// </summary>
    public IReadOnlyList<string> ResetBudgets(string check)
    {
        lock (_gate)
        {
            var reset = check.Length == 0 ? _states.Keys.Order(StringComparer.Ordinal).ToList()
                : _states.ContainsKey(check) ? [check] : [];
            foreach (var key in reset)
            {
                var state = _states[key];
                state.Budget.Reset();
                state.RearmPending = true;
            }
            return reset;
        }
    }

    /// <summary>
    /// heal.budget_left and heal.budget_max for each check with a heal rule (readings.proto), so an
    /// operator sees how many heals are left before heal-exhausted, and that a reset took effect.
    /// </summary>
    public void AddBudgetsTo(SampleBatch batch, DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var (check, state) in _states)
            {
                batch.Readings.Add(BudgetReading("heal.budget_left", check, state.Budget.Left(now)));
                batch.Readings.Add(BudgetReading("heal.budget_max", check, state.Budget.MaxRuns));
            }
        }
    }

    private static Reading BudgetReading(string name, string check, double value) =>
        new() { Name = name, Subject = check, Last = value, Min = value, Max = value, Count = 1 };

    /// <summary>What this healer did since start, for status and the agent.heal* readings.</summary>
    public HealLedger Ledger { get; } = new();

    /// <summary>The keys of the checks that have a heal rule, for an operator told a key is unknown.</summary>
    public IReadOnlyList<string> HealedChecks => [.. _states.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Completes when every run started so far has finished its actions.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_runs.ToArray());
        }
    }

    /// <summary>Agent shutdown: running actions are killed, no new ones start.</summary>
    public void Stop() => _stopping.Cancel();
}

using System.Text.Json.Serialization;
using Warden.Proto.V1;

namespace Warden.Agent.Healing;

/// <summary>
/// The agent's own account of its healing since start, for `warden-agent status` and the agent.heal*
/// readings: how many heal runs started, how they were judged, and the most recent heal step.
/// Written by the healer, read by the status reporter on another thread.
/// </summary>
internal sealed class HealLedger
{
    private readonly object _gate = new();
    private HealTally _counts = new(0, 0, 0, 0, 0);
    private LastHeal? _last;

    public void Record(HealEvent heal, DateTimeOffset at)
    {
        lock (_gate)
        {
            _counts = heal.Outcome switch
            {
                HealOutcome.Started => _counts with { Started = _counts.Started + 1 },
                HealOutcome.Succeeded => _counts with { Succeeded = _counts.Succeeded + 1 },
                HealOutcome.Failed => _counts with { Failed = _counts.Failed + 1 },
                HealOutcome.TimedOut => _counts with { TimedOut = _counts.TimedOut + 1 },
                HealOutcome.Exhausted => _counts with { Exhausted = _counts.Exhausted + 1 },
                _ => _counts,
            };
            _last = new LastHeal(heal.Check, heal.Action, heal.Outcome.ToString().ToUpperInvariant(), at, heal.Detail);
        }
    }

    public (HealTally Counts, LastHeal? Last) Snapshot()
    {
        lock (_gate)
        {
            return (_counts, _last);
        }
    }

    /// <summary>agent.heal_runs_total, agent.heal_succeeded_total, ... and agent.last_heal_age_seconds (absent before the first heal).</summary>
    public void AddTo(SampleBatch batch, DateTimeOffset now)
    {
        var (counts, last) = Snapshot();
        batch.Readings.Add(Reading("agent.heal_runs_total", counts.Started));
        batch.Readings.Add(Reading("agent.heal_succeeded_total", counts.Succeeded));
        batch.Readings.Add(Reading("agent.heal_failed_total", counts.Failed + counts.TimedOut));
        batch.Readings.Add(Reading("agent.heal_exhausted_total", counts.Exhausted));
        if (last is not null)
        {
            batch.Readings.Add(Reading("agent.last_heal_age_seconds", Math.Max(0, (now - last.At).TotalSeconds)));
        }
    }

    private static Reading Reading(string name, double value) => new() { Name = name, Last = value, Min = value, Max = value, Count = 1 };
}

/// <summary>Heal steps since the agent started, by outcome (a run is counted when it starts, then once more when judged).</summary>
internal sealed record HealTally(long Started, long Succeeded, long Failed, long TimedOut, long Exhausted);

/// <summary>The most recent heal step: which check, which action, its outcome and detail.</summary>
internal sealed record LastHeal(string Check, string Action, string Outcome, DateTimeOffset At, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail);

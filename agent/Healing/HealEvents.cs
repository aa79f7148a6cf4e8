using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Warden.Agent.Checks;
using Warden.Agent.Streaming;
using Warden.Proto.V1;

namespace Warden.Agent.Healing;

/// <summary>Turns heal steps into Event{ Heal } records, sent like check transitions: at once, never dropped.</summary>
internal sealed class HealEvents(PendingRecords pending, TimeProvider time, HealLedger ledger)
{
    public void Emit(CheckOutcome outcome, HealState state, string action, HealOutcome kind, DateTimeOffset now, string detail)
    {
        var heal = new HealEvent
        {
            Component = CheckNames.Of(outcome.Component),
            Check = outcome.Key,
            Action = action,
            Outcome = kind,
            RunsInWindow = (uint)state.Budget.RunsInWindow(now),
            Budget = (uint)state.Budget.MaxRuns,
            Rule = $"heal {outcome.Key} when HARD; at most {state.Budget.MaxRuns} runs per {state.Budget.Window.TotalMinutes.ToString(CultureInfo.InvariantCulture)} min; trigger: {state.Trigger}",
            Detail = detail,
        };
        if (state.Evidence is { } evidence)
        {
            heal.Evidence.Add(evidence);
        }
        var at = time.GetUtcNow();
        ledger.Record(heal, at);
        var batch = new EventBatch();
        batch.Events.Add(new Event { At = Timestamp.FromDateTimeOffset(at), Heal = heal });
        pending.Add(batch);
    }

    /// <summary>The triggering result's value as a reading named "check.value", subject the check key.</summary>
    public static Reading EvidenceOf(CheckOutcome outcome)
    {
        var value = double.IsFinite(outcome.Result.Value) ? outcome.Result.Value : 0;
        return new Reading { Name = "check.value", Subject = outcome.Key, Last = value, Min = value, Max = value, Count = 1 };
    }

    /// <summary>"2026-11-23T03:54:00Z FAILED, ..." for heal-exhausted.</summary>
    public static string HistoryText(List<(DateTimeOffset At, HealOutcome Outcome)> history) =>
        "heal history: " + string.Join(", ", history.Select(h =>
            $"{h.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} {h.Outcome.ToString().ToUpperInvariant()}"));
}

using System.Globalization;
using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>One line of an incident's evidence: a check transition, a heal or a reading, in time order.</summary>
internal sealed record IncidentEvidence(DateTimeOffset? At, string Host, string Kind, string Text)
{
    public static IReadOnlyList<IncidentEvidence> From(IncidentDetail detail) =>
        detail.Transitions.Select(t => new IncidentEvidence(t.At?.ToDateTimeOffset(), t.Host, "transition", Describe(t.Transition)))
            .Concat(detail.Heals.Select(h => new IncidentEvidence(h.At?.ToDateTimeOffset(), h.Host, "heal", Describe(h.Heal))))
            .Concat(detail.Readings.Select(r => new IncidentEvidence(r.At?.ToDateTimeOffset(), r.Host, "reading", Describe(r.Reading))))
            .OrderBy(e => e.At)
            .ToList();

    private static string Describe(CheckTransition t) => string.Create(
        CultureInfo.InvariantCulture,
        $"{t.Check} {Word(t.FromState)} -> {Word(t.ToState)} {Word(t.StateType)} {t.Attempt}/{t.MaxAttempts}: value {t.Value:0.##} against {t.Threshold}; {t.Reason}");

    private static string Describe(HealEvent h) => string.Create(
        CultureInfo.InvariantCulture,
        $"{h.Check} {h.Action}: {Word(h.Outcome)} (budget {h.RunsInWindow}/{h.Budget}){(h.Detail.Length > 0 ? "; " + h.Detail : string.Empty)}");

    private static string Describe(Reading r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.Name}{(r.Subject.Length > 0 ? "[" + r.Subject + "]" : string.Empty)} = {r.Last:0.##} (min {r.Min:0.##}, max {r.Max:0.##})");

    /// <summary>CHECK_STATE_CRIT to "CRIT", HEAL_OUTCOME_TIMED_OUT to "TIMED_OUT": the proto's own words.</summary>
    public static string Word<T>(T value) where T : struct, Enum => value switch
    {
        CheckState s => s.ToString().ToUpperInvariant(),
        StateType s => s.ToString().ToUpperInvariant(),
        HealOutcome o => o.ToString().ToLowerInvariant(),
        _ => value.ToString(),
    };
}

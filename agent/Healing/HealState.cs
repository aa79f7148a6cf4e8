using Warden.Proto.V1;

namespace Warden.Agent.Healing;

/// <summary>Where healing one check stands: its rule, budget, history and any run or grace in progress.</summary>
internal sealed class HealState(HealRuleOptions rule, IReadOnlyList<HealAction> actions, HealBudget budget)
{
    public HealRuleOptions Rule { get; } = rule;

    public IReadOnlyList<HealAction> Actions { get; } = actions;

    public HealBudget Budget { get; } = budget;

    /// <summary>Actions are running; results are not judged until they end.</summary>
    public bool Running { get; set; }

    /// <summary>When the grace after the last run ends; null when none is pending.</summary>
    public DateTimeOffset? GraceUntil { get; set; }

    /// <summary>Interval of the check, so GraceIntervals becomes a time.</summary>
    public TimeSpan Interval { get; set; }

    /// <summary>The evidence that triggered the current run, repeated on its judged outcome.</summary>
    public Reading? Evidence { get; set; }

    public string Trigger { get; set; } = "";

    /// <summary>An operator reset the budget; a check still HARD starts counting again at its next result.</summary>
    public bool RearmPending { get; set; }

    /// <summary>Every run's start and judged outcome, sent with heal-exhausted.</summary>
    public List<(DateTimeOffset At, HealOutcome Outcome)> History { get; } = [];

    public string ActionList => string.Join("; ", Actions.Select(a => a.Description));
}

namespace Warden.Agent.Healing;

/// <summary>
/// One entry of "Checks": { "Heal": [ ... ] }: the actions tried, in order, when the check with key
/// Check ("process_running:web", "disk_space:/var") turns HARD.
/// </summary>
public sealed class HealRuleOptions
{
    public string Check { get; set; } = "";

    public HealActionOptions[] Actions { get; set; } = [];

    /// <summary>Each action (and the processes it started) is killed after this long: TIMED_OUT.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Check intervals after the actions before the check's own result judges the heal.</summary>
    public int GraceIntervals { get; set; } = 2;
}

/// <summary>"Checks": { "HealBudget": { ... } }: at most MaxRuns heal runs per check per window (DESIGN.md, "Heal budget").</summary>
public sealed class HealBudgetOptions
{
    public int MaxRuns { get; set; } = 3;

    public double WindowMinutes { get; set; } = 30;

    internal TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);
}

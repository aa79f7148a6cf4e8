namespace Warden.Agent.Checks;

/// <summary>
/// Scores per DESIGN.md ("Health score"): 100 healthy, 80–99 degraded, below 80 unhealthy. A
/// component starts at 100 and loses 10 per WARN and 40 per CRIT, down to 0; warnings alone never
/// take it below 80 (degraded is not unhealthy). UNKNOWN counts as neither, so a component with no
/// data at all has no score. The host score is the average of the scored components, and the worst
/// component is always named beside it.
/// </summary>
internal static class HealthScore
{
    public const int WarnPenalty = 10;
    public const int CritPenalty = 40;
    public const int DegradedFloor = 80;

    public static int? Of(IEnumerable<CheckStatus> statuses)
    {
        int warns = 0, crits = 0, known = 0;
        foreach (var status in statuses)
        {
            switch (status)
            {
                case CheckStatus.Ok: known++; break;
                case CheckStatus.Warn: known++; warns++; break;
                case CheckStatus.Crit: known++; crits++; break;
            }
        }
        if (known == 0)
        {
            return null;
        }
        var fromWarnings = Math.Max(DegradedFloor, 100 - WarnPenalty * warns);
        return crits == 0 ? fromWarnings : Math.Max(0, 100 - WarnPenalty * warns - CritPenalty * crits);
    }

    public static HostHealth Of(IEnumerable<CheckOutcome> outcomes)
    {
        var components = new SortedDictionary<Component, int>();
        foreach (var group in outcomes.GroupBy(o => o.Component))
        {
            if (Of(group.Select(o => o.Result.Status)) is { } score)
            {
                components[group.Key] = score;
            }
        }
        if (components.Count == 0)
        {
            return new HostHealth(null, null, components);
        }
        var worst = components.MinBy(c => c.Value).Key;
        return new HostHealth(components.Values.Average(), worst, components);
    }
}

/// <param name="Score">Average of the scored components; null when no component has data.</param>
/// <param name="Worst">The lowest-scoring component (the first, in component order, on a tie).</param>
internal sealed record HostHealth(double? Score, Component? Worst, IReadOnlyDictionary<Component, int> Components)
{
    public static string Band(double score) => score >= 100 ? "healthy" : score >= HealthScore.DegradedFloor ? "degraded" : "unhealthy";
}

using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Api;

/// <summary>What GetHost adds to the registry's view of a host: each check's heal budget and the host's heal history.</summary>
internal static class HostDetail
{
    public const int MaxHeals = 50;

    // Heal events share event batches with check transitions; a flapping check's thousands of
    // transitions end the walk here rather than reading the host's whole event history.
    public const int MaxBatchesRead = 2000;

    public const string BudgetLeft = "heal.budget_left";
    public const string BudgetMax = "heal.budget_max";

    /// <summary>The newest heal events first (batches by sequence, events within a batch latest first).</summary>
    public static IEnumerable<EvidenceHeal> Heals(ISiteStore site, string host) =>
        site.RecentEvents(host, MaxBatchesRead)
            .SelectMany(batch => batch.Events.Reverse())
            .Where(e => e.BodyCase == Event.BodyOneofCase.Heal)
            .Take(MaxHeals)
            .Select(e => new EvidenceHeal { Host = host, At = e.At, Heal = e.Heal });

    /// <summary>Sets heal_budget_left and heal_budget from the heal.budget_* readings of the latest batch (subject = check).</summary>
    public static void FillBudgets(IEnumerable<HostCheckState> checks, IEnumerable<Reading> latest)
    {
        var left = new Dictionary<string, double>(StringComparer.Ordinal);
        var max = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in latest)
        {
            if (r.Count > 0 && r.Name is BudgetLeft or BudgetMax && double.IsFinite(r.Last))
            {
                (r.Name == BudgetLeft ? left : max)[r.Subject] = r.Last;
            }
        }
        foreach (var check in checks)
        {
            if (left.TryGetValue(check.Check, out var runsLeft))
            {
                check.HealBudgetLeft = Runs(runsLeft);
            }
            if (max.TryGetValue(check.Check, out var budget))
            {
                check.HealBudget = Runs(budget);
            }
        }
    }

    private static uint Runs(double value) => (uint)Math.Clamp(Math.Round(value), 0, uint.MaxValue);
}

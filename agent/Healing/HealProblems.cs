using System.Globalization;

namespace Warden.Agent.Healing;

/// <summary>Problems with the heal settings, each naming its key ("Checks:Heal:0:Actions:1:Command").</summary>
internal static class HealProblems
{
    public static IEnumerable<string> Of(HealRuleOptions[] rules, HealBudgetOptions budget, string systemctlPath)
    {
        if (budget.MaxRuns is < 1 or > 100)
        {
            yield return Text($"Checks:HealBudget:MaxRuns: {budget.MaxRuns} must be between 1 and 100");
        }
        if (!(budget.WindowMinutes > 0) || double.IsInfinity(budget.WindowMinutes))
        {
            yield return Text($"Checks:HealBudget:WindowMinutes: {budget.WindowMinutes} must be a positive number of minutes");
        }
        if (string.IsNullOrWhiteSpace(systemctlPath) || !Path.IsPathFullyQualified(systemctlPath))
        {
            yield return $"Checks:SystemctlPath: '{systemctlPath}' must be an absolute path; the agent runs it without a shell or PATH lookup";
        }
        var checks = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Length; i++)
        {
            var key = Text($"Checks:Heal:{i}");
            var rule = rules[i];
            if (string.IsNullOrWhiteSpace(rule.Check))
            {
                yield return $"{key}:Check: must name the check key, e.g. \"process_running:web\"";
            }
            else if (!checks.Add(rule.Check))
            {
                yield return $"{key}:Check: '{rule.Check}' already has an earlier heal rule";
            }
            if (rule.Actions.Length == 0)
            {
                yield return $"{key}:Actions: must list at least one action";
            }
            if (!(rule.TimeoutSeconds > 0) || double.IsInfinity(rule.TimeoutSeconds))
            {
                yield return Text($"{key}:TimeoutSeconds: {rule.TimeoutSeconds} must be a positive number of seconds");
            }
            if (rule.GraceIntervals is < 1 or > 100)
            {
                yield return Text($"{key}:GraceIntervals: {rule.GraceIntervals} must be between 1 and 100");
            }
            for (var j = 0; j < rule.Actions.Length; j++)
            {
                foreach (var problem in HealActionProblems.Of(rule.Actions[j]))
                {
                    yield return Text($"{key}:Actions:{j}:{problem}");
                }
            }
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

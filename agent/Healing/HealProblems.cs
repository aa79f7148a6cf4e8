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
                if (ActionProblem(rule.Actions[j]) is { } problem)
                {
                    yield return Text($"{key}:Actions:{j}:{problem}");
                }
            }
        }
    }

    private static string? ActionProblem(HealActionOptions action) => action.Kind switch
    {
        HealActionOptions.RestartUnit when string.IsNullOrWhiteSpace(action.Unit) => "Unit: must name the systemd unit to restart",
        HealActionOptions.RestartUnit => null,
        HealActionOptions.Run when action.Command.Length == 0 || string.IsNullOrWhiteSpace(action.Command[0]) =>
            "Command: must list the program and its arguments",
        HealActionOptions.Run when !Path.IsPathFullyQualified(action.Command[0]) =>
            $"Command: '{action.Command[0]}' must be an absolute path; the agent runs it without a shell or PATH lookup",
        HealActionOptions.Run => null,
        HealActionOptions.SendSignal when string.IsNullOrWhiteSpace(action.ProcessName) => "ProcessName: must name the processes to signal",
        HealActionOptions.SendSignal when Signals.Number(action.Signal) is null =>
            $"Signal: '{action.Signal}' must be one of HUP, INT, QUIT, KILL, USR1, USR2, TERM, CONT, STOP",
        HealActionOptions.SendSignal => null,
        _ => $"Kind: '{action.Kind}' must be restart-unit, run or signal",
    };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

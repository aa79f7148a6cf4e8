namespace Warden.Agent.Checks.Exec;

/// <summary>The enabled exec checks, in the order the config file lists them.</summary>
internal static class ExecCheckSet
{
    /// <summary>Expects options without <see cref="ExecCheckOptions.Problems"/>; an invalid entry is skipped, never half-built.</summary>
    public static IReadOnlyList<ICheck> Create(ExecCheckOptions o, TimeProvider time)
    {
        var checks = new List<ICheck>(o.Checks.Length);
        foreach (var c in o.Checks)
        {
            if (!c.Enabled || c.Command.Length == 0 || !ExecPluginOptions.TryParseComponent(c.Component, out var component)
                || !(c.IntervalSeconds > 0) || !(c.TimeoutSeconds > 0))
            {
                continue;
            }
            checks.Add(new ExecPluginCheck(c.Name, [.. c.Command], TimeSpan.FromSeconds(c.IntervalSeconds),
                TimeSpan.FromSeconds(c.TimeoutSeconds), component, time));
        }
        return checks;
    }
}

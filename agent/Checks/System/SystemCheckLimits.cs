using System.Globalization;

namespace Warden.Agent.Checks.SystemChecks;

/// <summary>Range and direction rules for one system check's settings.</summary>
internal static class SystemCheckLimits
{
    /// <summary>
    /// The levels must lie in [<paramref name="min"/>, <paramref name="max"/>] and keep the check's
    /// direction: Threshold reads the direction from the order of Warn and Crit, so a swapped pair
    /// would silently turn "memory available below 5 %" into "above 5 %".
    /// </summary>
    public static IEnumerable<string> Problems(string path, CheckSettings settings, double min, double max, bool higherIsWorse)
    {
        foreach (var problem in settings.Problems(path))
        {
            yield return problem;
        }
        if (!double.IsFinite(settings.Warn) || !double.IsFinite(settings.Crit))
        {
            yield break;
        }
        foreach (var (key, value) in new[] { ("Warn", settings.Warn), ("Crit", settings.Crit) })
        {
            if (value < min || value > max)
            {
                var range = max == double.MaxValue
                    ? string.Create(CultureInfo.InvariantCulture, $"at least {min}")
                    : string.Create(CultureInfo.InvariantCulture, $"between {min} and {max}");
                yield return string.Create(CultureInfo.InvariantCulture, $"{path}:{key}: {value} must be {range}");
            }
        }
        if (higherIsWorse && settings.Warn > settings.Crit)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{path}:Warn: {settings.Warn} must not be above Crit {settings.Crit} (higher is worse for this check)");
        }
        else if (!higherIsWorse && settings.Warn <= settings.Crit)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{path}:Warn: {settings.Warn} must be above Crit {settings.Crit} (lower is worse for this check)");
        }
    }
}

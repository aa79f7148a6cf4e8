namespace Warden.Agent.Checks;

/// <summary>
/// What an operator can set on every check: enablement, interval and warn/crit levels. Each check's
/// options class gives its own defaults; the config file overrides any of them, e.g.
/// "Checks": { "Storage": { "DiskSpace": { "Warn": 80, "IntervalSeconds": 60 } } }.
/// </summary>
public sealed class CheckSettings
{
    public bool Enabled { get; set; } = true;

    public double IntervalSeconds { get; set; } = 5;

    public double Warn { get; set; }

    public double Crit { get; set; }

    internal Threshold Threshold => new(Warn, Crit);

    internal TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    /// <summary>Problems with these values, each naming its key under <paramref name="path"/>.</summary>
    public IEnumerable<string> Problems(string path)
    {
        if (!(IntervalSeconds > 0) || double.IsInfinity(IntervalSeconds))
        {
            yield return $"{path}:IntervalSeconds: {IntervalSeconds} must be a positive number of seconds";
        }
        if (!double.IsFinite(Warn) || !double.IsFinite(Crit))
        {
            yield return $"{path}: Warn {Warn} and Crit {Crit} must be numbers";
        }
    }
}

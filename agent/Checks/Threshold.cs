namespace Warden.Agent.Checks;

/// <summary>
/// A warn/crit pair. Higher is worse unless the levels say otherwise: when Warn is below Crit a
/// value at or above a level crosses it; when Warn is above Crit (memory available, days to a
/// certificate's expiry) a value at or below a level crosses it.
/// </summary>
internal readonly record struct Threshold(double Warn, double Crit)
{
    public bool HigherIsWorse => Crit >= Warn;

    public CheckStatus Judge(double value)
    {
        if (double.IsNaN(value))
        {
            return CheckStatus.Unknown;
        }
        return HigherIsWorse
            ? value >= Crit ? CheckStatus.Crit : value >= Warn ? CheckStatus.Warn : CheckStatus.Ok
            : value <= Crit ? CheckStatus.Crit : value <= Warn ? CheckStatus.Warn : CheckStatus.Ok;
    }

    /// <summary>"warn ≥ 80 %, crit ≥ 90 %"; written once per levels and unit.</summary>
    public string Describe(string unit) => TextMemo<(Threshold, string)>.Get((this, unit), static key =>
    {
        var (t, u) = key;
        var op = t.HigherIsWorse ? "≥" : "≤";
        var suffix = u.Length == 0 ? "" : " " + u;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"warn {op} {t.Warn:0.##}{suffix}, crit {op} {t.Crit:0.##}{suffix}");
    });
}

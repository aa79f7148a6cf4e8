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

    /// <summary>"warn ≥ 80 %, crit ≥ 90 %".</summary>
    public string Describe(string unit)
    {
        var op = HigherIsWorse ? "≥" : "≤";
        var suffix = unit.Length == 0 ? "" : " " + unit;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"warn {op} {Warn:0.##}{suffix}, crit {op} {Crit:0.##}{suffix}");
    }
}

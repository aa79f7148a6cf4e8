namespace Warden.Agent.Checks.Storage;

/// <summary>How soon a projected "full" makes disk_space WARN or CRIT, whatever its Use% says.</summary>
internal readonly record struct FillHorizon(TimeSpan Warn, TimeSpan Crit)
{
    public CheckStatus Judge(TimeSpan timeToFull) =>
        timeToFull <= Crit ? CheckStatus.Crit : timeToFull <= Warn ? CheckStatus.Warn : CheckStatus.Ok;

    public string Describe() => TextMemo<FillHorizon>.Get(this, static h =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"full within {h.Warn.TotalHours:0.#} h / {h.Crit.TotalHours:0.#} h"));
}

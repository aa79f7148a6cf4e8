namespace Warden.Tui.Formatting;

/// <summary>DESIGN.md "Health score": 100 healthy, 80–99 degraded, below 80 unhealthy; no reading is no data.</summary>
internal enum ScoreBand
{
    NoData,
    Healthy,
    Degraded,
    Unhealthy,
}

internal static class ScoreBands
{
    public static ScoreBand Of(double? score) => score switch
    {
        null => ScoreBand.NoData,
        >= 100 => ScoreBand.Healthy,
        >= 80 => ScoreBand.Degraded,
        _ => ScoreBand.Unhealthy,
    };

    /// <summary>The band in words, so it reads without colour.</summary>
    public static string Word(ScoreBand band) => band switch
    {
        ScoreBand.Healthy => "healthy",
        ScoreBand.Degraded => "degraded",
        ScoreBand.Unhealthy => "unhealthy",
        _ => "no data",
    };

    /// <summary>
    /// A score as a short cell: the whole number, with "~" for degraded and "!" for unhealthy, so a
    /// monochrome terminal still shows the band; "-" for no data.
    /// </summary>
    public static string Cell(double? score)
    {
        if (score is not double value)
        {
            return HostRow.Missing;
        }

        string number = Math.Floor(value).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        return Of(value) switch
        {
            ScoreBand.Degraded => number + "~",
            ScoreBand.Unhealthy => number + "!",
            _ => number,
        };
    }
}

namespace Warden.Aggregator.Incidents;

/// <summary>Incident severities, most urgent first (DESIGN.md, "Severities").</summary>
public enum Severity
{
    P0,
    P1,
    P2,
    P3,
    P4,
}

/// <summary>The response SLA of each severity: unacknowledged past it, an incident escalates.</summary>
public static class SeverityTable
{
    public static TimeSpan ResponseSla(Severity severity) => severity switch
    {
        Severity.P0 => TimeSpan.FromSeconds(30),
        Severity.P1 => TimeSpan.FromSeconds(60),
        Severity.P2 => TimeSpan.FromMinutes(5),
        Severity.P3 => TimeSpan.FromMinutes(15),
        _ => TimeSpan.FromMinutes(60),
    };

    public static bool TryParse(string? text, out Severity severity) =>
        Enum.TryParse(text, ignoreCase: true, out severity) && Enum.IsDefined(severity) && text!.Trim().Length == 2;
}

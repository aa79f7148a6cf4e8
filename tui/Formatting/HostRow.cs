using System.Globalization;
using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>One host as the table shows it: every cell already a string, "-" where data is missing.</summary>
internal sealed record HostRow(string Host, string State, string Health, string Worst, string LastSeen, string Cpu, string Mem, string Load, string Agent)
{
    public const string Missing = "-";

    public static readonly string[] Headers = ["HOST", "STATE", "HEALTH", "WORST", "LAST SEEN", "CPU%", "MEM%", "LOAD", "AGENT"];

    /// <summary>Formats <paramref name="host"/> with its age measured against <paramref name="now"/> (server time).</summary>
    public static HostRow From(HostSummary host, DateTimeOffset now)
    {
        HostReadings readings = HostReadings.From(host);
        string lastSeen = host.LastSeen is null ? Missing : AgeFormat.Format(now - host.LastSeen.ToDateTimeOffset());
        string load = readings.Load1 is null && readings.Load5 is null && readings.Load15 is null
            ? Missing
            : $"{Number(readings.Load1)}/{Number(readings.Load5)}/{Number(readings.Load15)}";

        // Health and worst component exactly as the console's fleet view words them.
        FleetRow fleet = FleetRow.From(host, now);
        return new HostRow(
            host.Host,
            host.Connected ? "connected" : "disconnected",
            // "-" rather than "no data": one word per cell keeps the table easy to cut in scripts.
            fleet.Scores.Host is null ? Missing : fleet.Health,
            fleet.Worst,
            lastSeen,
            Percent(readings.CpuBusyPct),
            Percent(readings.MemUsedPct),
            load,
            host.AgentVersion.Length == 0 ? Missing : host.AgentVersion);
    }

    public string[] Cells() => [Host, State, Health, Worst, LastSeen, Cpu, Mem, Load, Agent];

    private static string Percent(double? value) =>
        value is double v ? v.ToString("0.0", CultureInfo.InvariantCulture) : Missing;

    private static string Number(double? value) =>
        value is double v ? v.ToString("0.00", CultureInfo.InvariantCulture) : Missing;
}

using Warden.Proto.V1;
using Warden.Tui.Formatting;

namespace Warden.Tui.Model;

/// <summary>
/// What the console keeps of a host between its updates: the fleet row's figures (ages left out:
/// they move with the clock) and the identity the host view heads with — a few hundred bytes,
/// where the HostSummary it is made from carries every reading of the host's latest batch.
/// 5,000 hosts shipping every 10 s replace 500 of these a second; each lives until its host's
/// next update, long enough to reach the oldest generation, so their size is what the heap grows by
/// between full collections. Strings equal to the previous card's are shared with it.
/// </summary>
internal sealed record HostCard(FleetRow Row, DateTimeOffset? LastSeen, string Kernel, uint CpuCount)
{
    public string Host => Row.Host;

    public static HostCard From(HostSummary host, HostCard? previous)
    {
        FleetRow fresh = FleetRow.From(host, DateTimeOffset.UnixEpoch);
        FleetRow row = fresh with
        {
            Host = Shared(fresh.Host, previous?.Host),
            AgentVersion = Shared(fresh.AgentVersion, previous?.Row.AgentVersion),
            LastSeenAge = null,
        };
        return new HostCard(row, host.LastSeen?.ToDateTimeOffset(), Shared(host.Kernel, previous?.Kernel), host.CpuCount);
    }

    /// <summary>The fleet row with its age measured against <paramref name="serverNow"/>.</summary>
    public FleetRow RowAt(DateTimeOffset serverNow) => LastSeen is DateTimeOffset seen ? Row with { LastSeenAge = serverNow - seen } : Row;

    /// <summary>
    /// The figures the card keeps as readings of the batch they came from (CPU, memory, load, the
    /// scores): what the host view shows before the host's whole summary arrives.
    /// </summary>
    public IReadOnlyList<Reading> KeyReadings()
    {
        var readings = new List<Reading>();
        Add(readings, "cpu.busy_pct", Row.Readings.CpuBusyPct);
        Add(readings, "mem.used_pct", Row.Readings.MemUsedPct);
        Add(readings, "load.1", Row.Readings.Load1);
        Add(readings, "load.5", Row.Readings.Load5);
        Add(readings, "load.15", Row.Readings.Load15);
        Add(readings, "score.host", Row.Scores.Host);
        for (int i = 0; i < HealthComponents.Names.Count; i++)
        {
            Add(readings, "score." + HealthComponents.Names[i], Row.Scores.Components[i]);
        }

        return readings;
    }

    private static void Add(List<Reading> readings, string name, double? value)
    {
        if (value is double v)
        {
            readings.Add(new Reading { Name = name, Last = v, Min = v, Max = v, Count = 1 });
        }
    }

    private static string Shared(string fresh, string? old) => old is not null && string.Equals(fresh, old, StringComparison.Ordinal) ? old : fresh;
}

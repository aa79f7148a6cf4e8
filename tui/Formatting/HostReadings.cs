using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>The host-wide readings the host list shows, each null when the host did not report it.</summary>
internal sealed record HostReadings(double? CpuBusyPct, double? MemUsedPct, double? Load1, double? Load5, double? Load15)
{
    public static HostReadings From(HostSummary host)
    {
        double? memUsed = Find(host, "mem.used_pct");
        if (memUsed is null
            && Find(host, "mem.available_bytes") is double available
            && Find(host, "mem.total_bytes") is double total
            && total > 0)
        {
            // Older agents may ship only the byte counts; derive the share the same way the agent does.
            memUsed = 100 * (1 - (available / total));
        }

        return new HostReadings(
            Find(host, "cpu.busy_pct"),
            memUsed,
            Find(host, "load.1"),
            Find(host, "load.5"),
            Find(host, "load.15"));
    }

    // Host-wide readings have an empty subject; count 0 means "no data" (readings.proto).
    public static double? Find(HostSummary host, string name)
    {
        // By index: RepeatedField's enumerator is an object, and the fleet view asks 12 names of each of 5,000 hosts.
        Google.Protobuf.Collections.RepeatedField<Reading> latest = host.Latest;
        for (int i = 0; i < latest.Count; i++)
        {
            Reading reading = latest[i];
            if (reading.Name == name && reading.Subject.Length == 0 && reading.Count > 0)
            {
                return reading.Last;
            }
        }

        return null;
    }
}

using Google.Protobuf.WellKnownTypes;
using Warden.Proto.V1;

namespace Warden.Tui.Tests.Fixtures;

/// <summary>Known hosts for tests: one fully reporting, one silent for minutes with no readings.</summary>
internal static class Hosts
{
    public static readonly DateTimeOffset ServerTime = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static HostSummary Web01() => new()
    {
        Host = "web-01",
        MachineId = "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        AgentVersion = "0.1.0",
        Connected = true,
        LastSeen = Timestamp.FromDateTimeOffset(ServerTime.AddSeconds(-3)),
        FirstSeen = Timestamp.FromDateTimeOffset(ServerTime.AddDays(-10)),
        LastSequence = 4242,
        Latest =
        {
            Reading("cpu.busy_pct", 12.34),
            Reading("mem.used_pct", 56.78),
            Reading("mem.available_bytes", 3_000_000_000),
            Reading("mem.total_bytes", 8_000_000_000),
            Reading("load.1", 0.5),
            Reading("load.5", 1.25),
            Reading("load.15", 2),
        },
    };

    public static HostSummary Db02() => new()
    {
        Host = "db-02",
        MachineId = string.Empty,
        AgentVersion = "0.0.9",
        Connected = false,
        LastSeen = Timestamp.FromDateTimeOffset(ServerTime.AddMinutes(-2)),
        LastSequence = 7,
    };

    /// <summary>
    /// A connected host with a host score and component scores (system, storage, vm, network,
    /// service, security; null leaves the reading out), seen <paramref name="seenSecondsAgo"/> ago.
    /// </summary>
    public static HostSummary Scored(string name, double? host, double?[] components, int seenSecondsAgo = 2, bool connected = true)
    {
        var summary = new HostSummary
        {
            Host = name,
            AgentVersion = "0.1.0",
            Connected = connected,
            LastSeen = Timestamp.FromDateTimeOffset(ServerTime.AddSeconds(-seenSecondsAgo)),
            LastSequence = 1,
            Latest = { Reading("cpu.busy_pct", 10) },
        };
        if (host is double h)
        {
            summary.Latest.Add(Reading("score.host", h));
        }

        string[] names = ["system", "storage", "vm", "network", "service", "security"];
        for (int i = 0; i < names.Length; i++)
        {
            if (components[i] is double score)
            {
                summary.Latest.Add(Reading("score." + names[i], score));
            }
        }

        return summary;
    }

    public static Reading Reading(string name, double last, string subject = "", uint count = 5) =>
        new() { Name = name, Subject = subject, Last = last, Min = last, Max = last, Count = count };
}

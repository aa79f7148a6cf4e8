extern alias tui;

using Google.Protobuf.WellKnownTypes;
using tui::Warden.Proto.V1;

namespace Warden.Benchmarks.Tui;

/// <summary>
/// Hosts and incidents shaped like what the aggregator streams: hosts with scores, CPU, memory and
/// load, a fifth of them degraded or unhealthy; incidents of every severity, scope and age.
/// </summary>
internal static class SyntheticFleet
{
    private static readonly string[] Components = ["system", "storage", "vm", "network", "service", "security"];

    public static HostSummary Host(int i, DateTimeOffset now)
    {
        // Every fifth host has one sick component, so the sort has real work and the colours vary.
        double sick = i % 5 == 0 ? 40 + (i % 55) : 100;
        var host = new HostSummary
        {
            Host = HostName(i),
            AgentVersion = "0.1.0",
            Connected = i % 50 != 0,
            LastSeen = Timestamp.FromDateTimeOffset(now.AddSeconds(-(i % 30))),
            LastSequence = (ulong)i,
        };
        for (int c = 0; c < Components.Length; c++)
        {
            host.Latest.Add(Reading("score." + Components[c], c == i % 6 ? sick : 100));
        }

        host.Latest.Add(Reading("score.host", (500 + sick) / 6));
        host.Latest.Add(Reading("cpu.busy_pct", i % 100));
        host.Latest.Add(Reading("mem.used_pct", (i * 7) % 100));
        host.Latest.Add(Reading("load.1", (i % 40) / 10.0));
        host.Latest.Add(Reading("load.5", 1));
        host.Latest.Add(Reading("load.15", 1));
        return host;
    }

    /// <summary>An open incident (every tenth acknowledged): severities P0..P4 in turn, a fleet one every 25th.</summary>
    public static IncidentSummary Incident(int i, DateTimeOffset now)
    {
        bool fleet = i % 25 == 0;
        var incident = new IncidentSummary
        {
            Id = (ulong)(i + 1),
            Title = fleet ? $"service_unit:nginx.service failing on 12 hosts" : $"disk_space:/var on {HostName(i)}",
            Severity = Severity.P0 + (i % 5),
            State = i % 10 == 9 ? IncidentState.Acknowledged : IncidentState.Open,
            Scope = fleet ? IncidentScope.Fleet : IncidentScope.Host,
            Rule = fleet ? "service-down-fleet" : "disk-critical",
            Component = fleet ? "service" : "storage",
            Check = fleet ? "service_unit:nginx.service" : "disk_space:/var",
            OpenedAt = Timestamp.FromDateTimeOffset(now.AddSeconds(-(i * 7 % 7200))),
            SlaDeadline = Timestamp.FromDateTimeOffset(now.AddSeconds(300 - (i * 7 % 7200))),
        };
        incident.Hosts.Add(HostName(i));
        if (fleet)
        {
            incident.Hosts.Add(HostName(i + 1));
        }

        return incident;
    }

    public static string HostName(int i) => $"web-{i:D5}.site.example";

    private static Reading Reading(string name, double value) =>
        new() { Name = name, Last = value, Min = value, Max = value, Count = 10 };
}

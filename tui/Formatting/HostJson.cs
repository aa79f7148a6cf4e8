using System.Text.Json.Serialization;
using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>`warden hosts --json` document. Property names are a contract for scripts: rename nothing.</summary>
internal sealed record HostListDocument(
    [property: JsonPropertyName("serverTime")] DateTimeOffset? ServerTime,
    [property: JsonPropertyName("hosts")] IReadOnlyList<HostDocument> Hosts)
{
    public static HostListDocument From(IEnumerable<HostSummary> hosts, DateTimeOffset serverTime) =>
        new(serverTime, hosts.OrderBy(h => h.Host, StringComparer.Ordinal).Select(h => HostDocument.From(h, serverTime)).ToList());
}

internal sealed record HostDocument(
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("connected")] bool Connected,
    [property: JsonPropertyName("lastSeen")] DateTimeOffset? LastSeen,
    [property: JsonPropertyName("lastSeenAgeSeconds")] long? LastSeenAgeSeconds,
    [property: JsonPropertyName("cpuBusyPct")] double? CpuBusyPct,
    [property: JsonPropertyName("memUsedPct")] double? MemUsedPct,
    [property: JsonPropertyName("load1")] double? Load1,
    [property: JsonPropertyName("load5")] double? Load5,
    [property: JsonPropertyName("load15")] double? Load15,
    [property: JsonPropertyName("agentVersion")] string? AgentVersion,
    [property: JsonPropertyName("lastSequence")] ulong LastSequence,
    [property: JsonPropertyName("machineId")] string? MachineId)
{
    public static HostDocument From(HostSummary host, DateTimeOffset serverTime)
    {
        HostReadings readings = HostReadings.From(host);
        DateTimeOffset? lastSeen = host.LastSeen?.ToDateTimeOffset();
        long? age = lastSeen is DateTimeOffset seen ? Math.Max(0, (long)(serverTime - seen).TotalSeconds) : null;
        return new HostDocument(
            host.Host,
            host.Connected,
            lastSeen,
            age,
            readings.CpuBusyPct,
            readings.MemUsedPct,
            readings.Load1,
            readings.Load5,
            readings.Load15,
            NullIfEmpty(host.AgentVersion),
            host.LastSequence,
            NullIfEmpty(host.MachineId));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>Source-generated serializer: no reflection, so the AOT binary keeps working.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(HostListDocument))]
internal sealed partial class HostJsonContext : JsonSerializerContext;

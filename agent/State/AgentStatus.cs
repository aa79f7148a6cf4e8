using System.Text.Json.Serialization;
using Warden.Agent.Healing;
using Warden.Agent.Streaming;

namespace Warden.Agent.State;

/// <summary>What the running agent says of itself in STATE/status.json, and `warden-agent status` prints.</summary>
internal sealed record AgentStatus(
    string Host,
    string Version,
    int Pid,
    DateTimeOffset StartedAt,
    DateTimeOffset WrittenAt,
    double ShipIntervalSeconds,
    AggregatorStatus Aggregator,
    SpoolHealth Spool,
    ulong LastAcknowledged,
    double? Score,
    string? WorstComponent,
    IReadOnlyDictionary<string, int> Components,
    HealTally Heals,
    LastHeal? LastHeal)
{
    /// <summary>
    /// The agent rewrites the file every ship interval; three missed writes (plus slack for a slow
    /// disk) mean it is not running.
    /// </summary>
    public bool IsStale(DateTimeOffset now) => now - WrittenAt > TimeSpan.FromSeconds(3 * ShipIntervalSeconds + 5);
}

/// <summary>Source-generated, so the status file is written and read under Native AOT.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AgentStatus))]
internal sealed partial class AgentStatusJsonContext : JsonSerializerContext;

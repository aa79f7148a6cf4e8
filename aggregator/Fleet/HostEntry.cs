using Warden.Aggregator.Storage;

namespace Warden.Aggregator.Fleet;

/// <summary>What the registry holds of one host: its stored state, its checks, and what the aggregator hears now.</summary>
internal sealed class HostEntry(StoredHost stored, DateTimeOffset lastHeard)
{
    public StoredHost Stored { get; set; } = stored;

    public Dictionary<string, StoredCheck> Checks { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset LastHeard { get; set; } = lastHeard;

    public HostLiveness Liveness { get; set; }

    public int Streams { get; set; }
}

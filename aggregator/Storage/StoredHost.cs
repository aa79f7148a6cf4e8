namespace Warden.Aggregator.Storage;

/// <summary>A host as stored: identity, first and last seen, and its latest readings.</summary>
public sealed class StoredHost
{
    /// <summary>The host name (LiteDB _id).</summary>
    public string Id { get; set; } = "";

    public string MachineId { get; set; } = "";

    public string AgentVersion { get; set; } = "";

    public string Kernel { get; set; } = "";

    public int CpuCount { get; set; }

    public DateTime FirstSeen { get; set; }

    public DateTime LastSeen { get; set; }

    // BSON has no unsigned integers; sequences stay below 2^63.
    public long LastSequence { get; set; }

    public List<StoredReading> Latest { get; set; } = [];
}

public sealed class StoredReading
{
    public string Name { get; set; } = "";

    public string Subject { get; set; } = "";

    public double Last { get; set; }

    public double Min { get; set; }

    public double Max { get; set; }

    public long Count { get; set; }
}

namespace Warden.Aggregator.Storage;

/// <summary>
/// A host as stored: identity, first and last seen, its latest readings and heal counters. The
/// store hands out copies and replaces lists rather than changing them, so a copy held by the
/// fleet view is never changed under it.
/// </summary>
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

    /// <summary>The agent's shipping interval, learnt from its last sample batch's window (0: not known yet).</summary>
    public double ShipIntervalSeconds { get; set; }

    public HealCounters Heals { get; set; } = new();

    /// <summary>Every sequence stored for the host (sample and event batches), as runs: the dedupe of (host, sequence).</summary>
    public List<SequenceRange> Stored { get; set; } = [];

    public StoredHost Copy()
    {
        var copy = (StoredHost)MemberwiseClone();
        copy.Heals = Heals with { };
        copy.Stored = Stored.Select(r => new SequenceRange { First = r.First, Last = r.Last }).ToList();
        return copy;
    }
}

/// <summary>Heal events received from a host, by outcome.</summary>
public sealed record HealCounters
{
    public long Started { get; set; }

    public long Succeeded { get; set; }

    public long Failed { get; set; }

    public long TimedOut { get; set; }

    public long Exhausted { get; set; }
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

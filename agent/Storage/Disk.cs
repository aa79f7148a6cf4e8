namespace Warden.Agent.Storage;

/// <summary>A whole block device as last seen in /proc/diskstats, kept between reads for its rates.</summary>
internal sealed class Disk
{
    public Disk(string name, bool isPartition)
    {
        Name = name;
        IsPartition = isPartition;
    }

    public string Name { get; }

    /// <summary>sda1 of sda, nvme0n1p2 of nvme0n1: judged through its disk, not on its own.</summary>
    public bool IsPartition { get; }

    public DiskCounters Counters { get; internal set; }

    /// <summary>The last interval's rates; null after the first read or a counter reset.</summary>
    public DiskRates? Rates { get; internal set; }

    internal long Timestamp { get; set; }

    internal long Generation { get; set; }
}

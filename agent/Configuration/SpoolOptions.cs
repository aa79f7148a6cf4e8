namespace Warden.Agent.Configuration;

/// <summary>The durable spool of records not yet acknowledged by the aggregator (DESIGN.md, "Delivery").</summary>
public sealed class SpoolOptions
{
    /// <summary>Where the segment files live; empty means StateDirectory/spool.</summary>
    public string Directory { get; set; } = "";

    /// <summary>Disk quota for all segments; past it the oldest samples are dropped, events kept.</summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>A segment file is closed and a new one begun past this size.</summary>
    public long SegmentBytes { get; set; } = 1024 * 1024;

    /// <summary>When records are forced to the disk (a kill -9 loses nothing either way; power loss may).</summary>
    public SpoolFsync Fsync { get; set; } = SpoolFsync.Batch;

    /// <summary>With Fsync "Batch": at most this long between a record's write and its fsync.</summary>
    public int FsyncIntervalMs { get; set; } = 1000;

    internal string ResolveDirectory(string stateDirectory) =>
        string.IsNullOrWhiteSpace(Directory) ? Path.Combine(stateDirectory, "spool") : Directory;

    internal IEnumerable<string> Problems()
    {
        if (SegmentBytes is < 4096 or > 1024L * 1024 * 1024)
        {
            yield return $"Spool:SegmentBytes: {SegmentBytes} must be between 4096 and 1073741824";
        }
        if (MaxBytes < 2 * SegmentBytes)
        {
            yield return $"Spool:MaxBytes: {MaxBytes} must be at least twice Spool:SegmentBytes ({SegmentBytes})";
        }
        if (!Enum.IsDefined(Fsync))
        {
            yield return $"Spool:Fsync: '{Fsync}' must be Always, Batch or Never";
        }
        if (FsyncIntervalMs is < 1 or > 3_600_000)
        {
            yield return $"Spool:FsyncIntervalMs: {FsyncIntervalMs} must be between 1 and 3600000";
        }
    }
}

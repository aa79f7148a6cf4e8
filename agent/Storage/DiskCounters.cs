namespace Warden.Agent.Storage;

/// <summary>
/// Cumulative counters of one block device from /proc/diskstats. Times are milliseconds, sectors are
/// always 512 bytes whatever the device's block size (Documentation/admin-guide/iostats.rst).
/// </summary>
internal readonly record struct DiskCounters(
    ulong Reads, ulong SectorsRead, ulong ReadMs,
    ulong Writes, ulong SectorsWritten, ulong WriteMs,
    ulong InFlight, ulong IoTicksMs, ulong WeightedMs,
    ulong Discards, ulong DiscardMs)
{
    public const int SectorBytes = 512;

    /// <summary>
    /// Rates over the <paramref name="elapsed"/> since <paramref name="earlier"/>. Null when any
    /// counter went backwards: the device was re-created or a 32-bit counter wrapped, and either
    /// way this interval's deltas mean nothing, so it is skipped rather than guessed.
    /// </summary>
    public DiskRates? RatesSince(DiskCounters earlier, TimeSpan elapsed)
    {
        if (elapsed <= TimeSpan.Zero
            || Reads < earlier.Reads || SectorsRead < earlier.SectorsRead || ReadMs < earlier.ReadMs
            || Writes < earlier.Writes || SectorsWritten < earlier.SectorsWritten || WriteMs < earlier.WriteMs
            || IoTicksMs < earlier.IoTicksMs || Discards < earlier.Discards || DiscardMs < earlier.DiscardMs)
        {
            return null;
        }
        var seconds = elapsed.TotalSeconds;
        // Like iostat's await: time spent on completed reads, writes and discards per completed one.
        double ios = (Reads - earlier.Reads) + (Writes - earlier.Writes) + (Discards - earlier.Discards);
        double busyMs = (ReadMs - earlier.ReadMs) + (WriteMs - earlier.WriteMs) + (DiscardMs - earlier.DiscardMs);
        return new DiskRates(
            Iops: ios / seconds,
            ReadBytesPerSecond: (double)(SectorsRead - earlier.SectorsRead) * SectorBytes / seconds,
            WriteBytesPerSecond: (double)(SectorsWritten - earlier.SectorsWritten) * SectorBytes / seconds,
            AwaitMs: ios > 0 ? busyMs / ios : 0,
            UtilisationPct: Math.Clamp((IoTicksMs - earlier.IoTicksMs) / elapsed.TotalMilliseconds * 100.0, 0, 100),
            InFlight: InFlight,
            Ios: ios);
    }
}

/// <summary>One interval's I/O on a disk.</summary>
/// <param name="AwaitMs">Average milliseconds per completed I/O, queueing included; 0 with no I/O.</param>
/// <param name="UtilisationPct">Share of the interval with at least one I/O in flight (io_ticks).</param>
/// <param name="Ios">Completed I/Os in the interval.</param>
internal readonly record struct DiskRates(
    double Iops, double ReadBytesPerSecond, double WriteBytesPerSecond, double AwaitMs,
    double UtilisationPct, ulong InFlight, double Ios);

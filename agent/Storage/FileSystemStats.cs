namespace Warden.Agent.Storage;

/// <summary>What statvfs reports for one filesystem, in bytes and inodes.</summary>
/// <param name="TotalBytes">f_blocks × f_frsize.</param>
/// <param name="FreeBytes">f_bfree × f_frsize, including the blocks reserved for root.</param>
/// <param name="AvailableBytes">f_bavail × f_frsize, what an unprivileged writer can still use.</param>
/// <param name="TotalInodes">f_files; 0 on filesystems without a fixed inode table (btrfs, vfat).</param>
/// <param name="FreeInodes">f_ffree.</param>
internal readonly record struct FileSystemStats(
    ulong TotalBytes, ulong FreeBytes, ulong AvailableBytes, ulong TotalInodes, ulong FreeInodes)
{
    public ulong UsedBytes => TotalBytes > FreeBytes ? TotalBytes - FreeBytes : 0;

    /// <summary>
    /// df's Use%: used / (used + available). Root's reserve counts as neither, so a filesystem is
    /// "100 %" when ordinary writers get ENOSPC. NaN when it has no blocks at all.
    /// </summary>
    public double UsedPct
    {
        get
        {
            var denominator = (double)UsedBytes + AvailableBytes;
            return denominator > 0 ? 100.0 * UsedBytes / denominator : double.NaN;
        }
    }

    public ulong UsedInodes => TotalInodes > FreeInodes ? TotalInodes - FreeInodes : 0;

    /// <summary>df -i's IUse%; NaN when the filesystem reports no inodes.</summary>
    public double InodeUsedPct => TotalInodes > 0 ? 100.0 * UsedInodes / TotalInodes : double.NaN;
}

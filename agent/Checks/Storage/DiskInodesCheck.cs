using Warden.Agent.Storage;

namespace Warden.Agent.Checks.Storage;

/// <summary>
/// disk_inodes, per mount: df -i's IUse%. Filesystems that allocate inodes on demand (btrfs, vfat,
/// many FUSE ones) report 0 inodes; they cannot run out this way, so they are OK, not UNKNOWN.
/// </summary>
internal sealed class DiskInodesCheck : ICheck, IDisposable
{
    public const string CheckName = "disk_inodes";

    private readonly MountTable _mounts;
    private readonly GuardedFileSystemProbe _probe;
    private readonly string _procRoot;
    private readonly Threshold _threshold;

    public DiskInodesCheck(StorageCheckOptions options, HostPaths paths, TimeProvider time, IFileSystemProbe probe)
    {
        _procRoot = paths.Proc;
        _mounts = new MountTable(paths.Proc, StorageOutcomes.Filter(options));
        _probe = new GuardedFileSystemProbe(probe, TimeSpan.FromSeconds(options.StatfsTimeoutSeconds), time);
        _threshold = options.DiskInodes.Threshold;
        Interval = options.DiskInodes.Interval;
    }

    public string Name => CheckName;

    public Component Component => Component.Storage;

    public TimeSpan Interval { get; }

    public async ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        if (!StorageOutcomes.TryRefresh(_mounts, Name, _procRoot, results))
        {
            return;
        }
        // Indexed, not foreach: enumerating through the interface would box its enumerator every cycle.
        for (var i = 0; i < _mounts.Current.Count; i++)
        {
            var mount = _mounts.Current[i];
            var answer = await _probe.QueryAsync(mount, cancellationToken).ConfigureAwait(false);
            results.Add(answer.Ok
                ? new CheckOutcome(Name, mount.MountPoint, Component, Judge(mount.MountPoint, answer.Stats, _threshold))
                : StorageOutcomes.Unknown(Name, mount.MountPoint, $"{mount.MountPoint}: statvfs failed: {answer.Error}"));
        }
    }

    public static CheckResult Judge(string mountPoint, FileSystemStats stats, Threshold threshold)
    {
        var describe = threshold.Describe("%");
        if (stats.TotalInodes == 0)
        {
            return CheckResult.Ok(0, describe, $"{mountPoint} has no fixed inode table");
        }
        var pct = stats.InodeUsedPct;
        return new CheckResult(threshold.Judge(pct), pct, describe,
            $"{mountPoint} {pct:0.0} % of inodes used, {stats.FreeInodes} of {stats.TotalInodes} free");
    }

    public void Dispose() => _mounts.Dispose();
}

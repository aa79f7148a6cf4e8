using Warden.Agent.Checks;

namespace Warden.Agent.Checks.Storage;

/// <summary>
/// "Checks:Storage" in the agent's config. Defaults are stated here once. List settings start empty
/// and mean "the built-in list" while empty, because the configuration binder appends to an array
/// that already has items; a configured list replaces the built-in one whole.
/// </summary>
public sealed partial class StorageCheckOptions
{
    public const string Section = "Checks:Storage";

    /// <summary>disk_space: df's Use% per mount, in percent.</summary>
    public CheckSettings DiskSpace { get; set; } = new() { Warn = 85, Crit = 95, IntervalSeconds = 30 };

    /// <summary>disk_inodes: df -i's IUse% per mount, in percent.</summary>
    public CheckSettings DiskInodes { get; set; } = new() { Warn = 85, Crit = 95, IntervalSeconds = 60 };

    /// <summary>fs_readonly: Warn and Crit are not used; a remount to read-only is CRIT.</summary>
    public CheckSettings FsReadOnly { get; set; } = new() { IntervalSeconds = 10 };

    /// <summary>disk_latency: average milliseconds per completed I/O per disk.</summary>
    public CheckSettings DiskLatency { get; set; } = new() { Warn = 50, Crit = 200, IntervalSeconds = 5 };

    /// <summary>disk_utilisation: percent of the interval the disk was busy.</summary>
    public CheckSettings DiskUtilisation { get; set; } = new() { Warn = 80, Crit = 95, IntervalSeconds = 5 };

    /// <summary>directory_size: bytes of the files below each of <see cref="Directories"/>.</summary>
    public CheckSettings DirectorySize { get; set; } = new() { Warn = 1L << 30, Crit = 4L << 30, IntervalSeconds = 60 };

    /// <summary>Directories (absolute paths) whose size directory_size judges; none by default.</summary>
    public string[] Directories { get; set; } = [];

    /// <summary>disk_space is WARN when the fill rate projects the mount full within this many hours.</summary>
    public double FillWarnHours { get; set; } = 24;

    /// <summary>disk_space is CRIT when the fill rate projects the mount full within this many hours.</summary>
    public double FillCritHours { get; set; } = 3;

    /// <summary>The fill rate is the least-squares slope of used bytes over this many recent minutes.</summary>
    public double FillWindowMinutes { get; set; } = 30;

    /// <summary>No projection until the samples in the window span at least this many minutes.</summary>
    public double FillMinimumSpanMinutes { get; set; } = 10;

    /// <summary>How long statvfs on a network filesystem may block before the mount is UNKNOWN.</summary>
    public double StatfsTimeoutSeconds { get; set; } = 5;

    /// <summary>disk_latency says OK without judging below this many I/Os per second (one slow fsync on an idle disk).</summary>
    public double LatencyMinimumIops { get; set; } = 1;

    /// <summary>Filesystem types never judged; empty means <see cref="DefaultIgnoredFsTypes"/>.</summary>
    public string[] IgnoredFsTypes { get; set; } = [];

    /// <summary>Mount points never judged (a trailing "/" means only below it); empty means <see cref="DefaultIgnoredMountPoints"/>.</summary>
    public string[] IgnoredMountPoints { get; set; } = [];

    /// <summary>Block device name prefixes never judged; empty means <see cref="DefaultIgnoredDevices"/>.</summary>
    public string[] IgnoredDevices { get; set; } = [];

    /// <summary>Mount points that are read-only on purpose; fs_readonly says OK for them.</summary>
    public string[] ExpectedReadOnlyMounts { get; set; } = [];

    /// <summary>
    /// Pseudo, memory, container-layer and image filesystems: not storage an operator fills. squashfs
    /// and erofs (snaps, live images) are always 100 % full by design; overlay is a container's view
    /// of a disk already judged under its own mount.
    /// </summary>
    public static IReadOnlyList<string> DefaultIgnoredFsTypes { get; } =
    [
        "autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs", "debugfs", "devpts", "devtmpfs",
        "efivarfs", "erofs", "fusectl", "fuse.gvfsd-fuse", "fuse.lxcfs", "fuse.portal", "hugetlbfs",
        "iso9660", "mqueue", "nfsd", "nsfs", "overlay", "proc", "pstore", "ramfs", "rpc_pipefs",
        "securityfs", "selinuxfs", "squashfs", "sysfs", "tmpfs", "tracefs",
    ];

    public static IReadOnlyList<string> DefaultIgnoredMountPoints { get; } =
    [
        "/proc", "/sys", "/dev", "/run/credentials/", "/var/lib/docker/", "/var/lib/containers/storage/",
        "/var/lib/kubelet/pods/", "/snap/",
    ];

    /// <summary>Loop, RAM, compressed-RAM, floppy and optical devices.</summary>
    public static IReadOnlyList<string> DefaultIgnoredDevices { get; } = ["loop", "ram", "zram", "fd", "sr"];

    internal IReadOnlyList<string> EffectiveIgnoredFsTypes => IgnoredFsTypes.Length > 0 ? IgnoredFsTypes : DefaultIgnoredFsTypes;

    internal IReadOnlyList<string> EffectiveIgnoredMountPoints => IgnoredMountPoints.Length > 0 ? IgnoredMountPoints : DefaultIgnoredMountPoints;

    internal IReadOnlyList<string> EffectiveIgnoredDevices => IgnoredDevices.Length > 0 ? IgnoredDevices : DefaultIgnoredDevices;
}

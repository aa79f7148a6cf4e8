using Warden.Agent.Storage;

namespace Warden.Agent.Checks.Storage;

/// <summary>The storage checks, in one explicit list; only the enabled ones are made.</summary>
internal static class StorageCheckSet
{
    public static IReadOnlyList<ICheck> Create(StorageCheckOptions options, HostPaths paths, TimeProvider time) =>
        Create(options, paths, time, new Statvfs());

    /// <param name="probe">statvfs live; a fake in tests.</param>
    internal static IReadOnlyList<ICheck> Create(StorageCheckOptions options, HostPaths paths, TimeProvider time, IFileSystemProbe probe)
    {
        var checks = new List<ICheck>();
        if (options.DiskSpace.Enabled)
        {
            checks.Add(new DiskSpaceCheck(options, paths, time, probe));
        }
        if (options.DiskInodes.Enabled)
        {
            checks.Add(new DiskInodesCheck(options, paths, time, probe));
        }
        if (options.FsReadOnly.Enabled)
        {
            checks.Add(new FsReadOnlyCheck(options, paths));
        }
        if (options.DiskLatency.Enabled)
        {
            checks.Add(new DiskLatencyCheck(options, paths, time));
        }
        if (options.DiskUtilisation.Enabled)
        {
            checks.Add(new DiskUtilisationCheck(options, paths, time));
        }
        if (options.DirectorySize.Enabled && options.Directories.Length > 0)
        {
            checks.Add(new DirectorySizeCheck(options));
        }
        return checks;
    }
}

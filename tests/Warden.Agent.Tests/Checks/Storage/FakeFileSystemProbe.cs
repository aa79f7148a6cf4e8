using Warden.Agent.Storage;

namespace Warden.Agent.Tests.Checks.Storage;

/// <summary>statvfs answers set by the test, per mount point; a mount not set fails with ENOENT.</summary>
internal sealed class FakeFileSystemProbe : IFileSystemProbe
{
    public Dictionary<string, FileSystemStats> Stats { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool TryQuery(string mountPoint, out FileSystemStats stats, out string error)
    {
        error = Errors.TryGetValue(mountPoint, out var e) ? e : Stats.ContainsKey(mountPoint) ? "" : "ENOENT";
        return Stats.TryGetValue(mountPoint, out stats) && error.Length == 0;
    }

    /// <summary>A filesystem of <paramref name="total"/> bytes with <paramref name="used"/> in use and no root reserve.</summary>
    public static FileSystemStats Disk(double total, double used, ulong inodes = 1000, ulong freeInodes = 900) =>
        new((ulong)total, (ulong)(total - used), (ulong)(total - used), inodes, freeInodes);
}

/// <summary>A proc tree in a scratch folder whose mountinfo and diskstats the test rewrites.</summary>
internal sealed class ScratchProc : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public ScratchProc() => Directory.CreateDirectory(Path.Combine(_dir.Path, "self"));

    public Warden.Agent.Checks.HostPaths Paths => new(_dir.Path, _dir.Path, _dir.Path, _dir.Path);

    public void Mounts(string mountinfo) => File.WriteAllText(Path.Combine(_dir.Path, "self", "mountinfo"), mountinfo);

    public void DiskStats(string diskstats) => File.WriteAllText(Path.Combine(_dir.Path, "diskstats"), diskstats);

    public void Dispose() => _dir.Dispose();
}

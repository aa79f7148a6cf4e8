namespace Warden.Agent.Storage;

/// <summary>
/// statvfs on a hard-mounted network filesystem whose server is gone blocks in the kernel,
/// uninterruptibly, for as long as the server stays away. For network filesystem types the call
/// runs on the thread pool and is abandoned after a timeout; while it is still blocked the mount is
/// not asked again, so at most one thread per dead mount is ever stuck. Local filesystems are asked
/// inline: a thread hop per mount per cycle would cost more than the hang it guards against.
/// </summary>
internal sealed class GuardedFileSystemProbe
{
    private static readonly HashSet<string> NetworkFsTypes = new(StringComparer.Ordinal)
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "ceph", "glusterfs", "fuse.glusterfs", "fuse.sshfs",
        "fuse.s3fs", "fuse.ceph", "9p", "afs", "lustre", "gpfs", "ocfs2", "gfs2",
    };

    private readonly IFileSystemProbe _inner;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Task<Answer>> _blocked = new(StringComparer.Ordinal);

    public GuardedFileSystemProbe(IFileSystemProbe inner, TimeSpan timeout, TimeProvider time)
    {
        _inner = inner;
        _timeout = timeout;
        _time = time;
    }

    public static bool IsNetwork(string fsType) => NetworkFsTypes.Contains(fsType);

    /// <summary>The filesystem's numbers, or the reason there are none (an errno, or a timeout).</summary>
    public ValueTask<Answer> QueryAsync(Mount mount, CancellationToken cancellationToken) =>
        IsNetwork(mount.FsType) ? QueryNetworkAsync(mount, cancellationToken) : ValueTask.FromResult(Ask(mount.MountPoint));

    // Apart from QueryAsync so that the closure below is only allocated for network filesystems.
    private async ValueTask<Answer> QueryNetworkAsync(Mount mount, CancellationToken cancellationToken)
    {
        if (_blocked.TryGetValue(mount.MountPoint, out var stuck))
        {
            if (!stuck.IsCompleted)
            {
                return new Answer(false, default, $"statvfs still blocked after {_timeout.TotalSeconds:0} s or more (server unreachable?)");
            }
            _blocked.Remove(mount.MountPoint);
        }
        var point = mount.MountPoint;
        var call = Task.Run(() => Ask(point), CancellationToken.None);
        try
        {
            return await call.WaitAsync(_timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _blocked[point] = call;
            return new Answer(false, default, $"statvfs did not answer within {_timeout.TotalSeconds:0.#} s (server unreachable?)");
        }
    }

    private Answer Ask(string mountPoint) =>
        _inner.TryQuery(mountPoint, out var stats, out var error) ? new Answer(true, stats, "") : new Answer(false, default, error);

    /// <param name="Error">Why there is no data; empty when <paramref name="Ok"/>.</param>
    internal readonly record struct Answer(bool Ok, FileSystemStats Stats, string Error);
}

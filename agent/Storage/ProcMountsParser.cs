using Warden.Agent.Procfs;

namespace Warden.Agent.Storage;

/// <summary>
/// /proc/mounts, the fallback when mountinfo is missing (fstab(5) layout):
/// "/dev/sda1 / ext4 rw,relatime 0 0" — source, mount point, fs type, options, dump, pass.
/// It carries no device numbers, so bind mounts of one filesystem cannot be told apart.
/// </summary>
internal static class ProcMountsParser
{
    public static bool TryParseLine(ReadOnlySpan<byte> line, out MountLine mount)
    {
        mount = default;
        var fields = new SpanFields(line);
        if (!fields.TryNext(out var source) || !fields.TryNext(out var mountPoint) || !fields.TryNext(out var fsType)
            || !fields.TryNext(out var options) || mountPoint[0] != (byte)'/')
        {
            return false;
        }
        mount = new MountLine(mountPoint, source, fsType, MountInfoParser.IsReadOnly(options), deviceId: 0);
        return true;
    }
}

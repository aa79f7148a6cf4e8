using System.Text;

namespace Warden.Agent.Storage;

/// <summary>
/// Which mounts the storage checks look at. Pseudo and memory filesystems are skipped by type, and
/// mount points below kernel, container and snap trees by prefix (like node_exporter's
/// fs-types-exclude and mount-points-exclude). A prefix ending in "/" matches only below it
/// ("/var/lib/docker/" skips container layers but keeps a dedicated /var/lib/docker disk); any other
/// prefix matches itself and everything below.
/// </summary>
internal sealed class MountFilter
{
    private readonly byte[][] _ignoredFsTypes;
    private readonly string[] _ignoredPrefixes;

    public MountFilter(IEnumerable<string> ignoredFsTypes, IEnumerable<string> ignoredMountPrefixes)
    {
        _ignoredFsTypes = ignoredFsTypes.Select(Encoding.UTF8.GetBytes).ToArray();
        _ignoredPrefixes = ignoredMountPrefixes.ToArray();
    }

    public static MountFilter None { get; } = new([], []);

    public bool IgnoresFsType(ReadOnlySpan<byte> fsType)
    {
        foreach (var ignored in _ignoredFsTypes)
        {
            if (fsType.SequenceEqual(ignored))
            {
                return true;
            }
        }
        return false;
    }

    public bool IgnoresMountPoint(ReadOnlySpan<char> mountPoint)
    {
        foreach (var prefix in _ignoredPrefixes)
        {
            if (prefix.EndsWith('/')
                ? mountPoint.StartsWith(prefix, StringComparison.Ordinal) && mountPoint.Length > prefix.Length
                : mountPoint.StartsWith(prefix, StringComparison.Ordinal)
                  && (mountPoint.Length == prefix.Length || mountPoint[prefix.Length] == '/'))
            {
                return true;
            }
        }
        return false;
    }
}

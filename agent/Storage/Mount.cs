namespace Warden.Agent.Storage;

/// <summary>
/// A mounted filesystem as last seen. One instance lives as long as the same filesystem stays
/// mounted at its point, so strings are made once and checks can key their history on the object:
/// a different filesystem at the same point is a new instance.
/// </summary>
internal sealed class Mount
{
    public Mount(string mountPoint, string source, string fsType, ulong deviceId, bool readOnly)
    {
        MountPoint = mountPoint;
        Source = source;
        FsType = fsType;
        DeviceId = deviceId;
        ReadOnly = readOnly;
        FirstSeenReadOnly = readOnly;
    }

    public string MountPoint { get; }

    public string Source { get; }

    public string FsType { get; }

    /// <summary>(major &lt;&lt; 32) | minor, 0 when only /proc/mounts was available.</summary>
    public ulong DeviceId { get; }

    public bool ReadOnly { get; internal set; }

    /// <summary>Whether it was read-only when this filesystem first appeared at this mount point.</summary>
    public bool FirstSeenReadOnly { get; }

    /// <summary>The table refresh that last saw it; older ones are unmounted.</summary>
    internal long Generation { get; set; }
}

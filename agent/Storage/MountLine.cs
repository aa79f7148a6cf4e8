namespace Warden.Agent.Storage;

/// <summary>
/// One parsed line of /proc/self/mountinfo or /proc/mounts, as spans into the file's bytes. The
/// mount point and source are still octal-escaped as the kernel writes them ("\040" for a space);
/// <see cref="OctalEscapes"/> decodes them.
/// </summary>
internal readonly ref struct MountLine
{
    public MountLine(ReadOnlySpan<byte> mountPoint, ReadOnlySpan<byte> source, ReadOnlySpan<byte> fsType, bool readOnly, ulong deviceId)
    {
        MountPoint = mountPoint;
        Source = source;
        FsType = fsType;
        ReadOnly = readOnly;
        DeviceId = deviceId;
    }

    public ReadOnlySpan<byte> MountPoint { get; }

    public ReadOnlySpan<byte> Source { get; }

    public ReadOnlySpan<byte> FsType { get; }

    /// <summary>True when the mount or its superblock is read-only.</summary>
    public bool ReadOnly { get; }

    /// <summary>(major &lt;&lt; 32) | minor from mountinfo; 0 when unknown (/proc/mounts has none).</summary>
    public ulong DeviceId { get; }
}

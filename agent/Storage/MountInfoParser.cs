using System.Buffers.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Storage;

/// <summary>
/// /proc/self/mountinfo (proc(5)):
/// "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue"
/// mount id, parent id, major:minor, root, mount point, mount options, optional fields, "-",
/// fs type, source, super options.
/// </summary>
internal static class MountInfoParser
{
    public static bool TryParseLine(ReadOnlySpan<byte> line, out MountLine mount)
    {
        mount = default;
        var fields = new SpanFields(line);
        if (!fields.TryNext(out _) || !fields.TryNext(out _) || !fields.TryNext(out var device)
            || !fields.TryNext(out _) || !fields.TryNext(out var mountPoint) || !fields.TryNext(out var mountOptions))
        {
            return false;
        }
        // Optional fields ("shared:1", "master:2") run until a lone "-".
        ReadOnlySpan<byte> field;
        do
        {
            if (!fields.TryNext(out field))
            {
                return false;
            }
        }
        while (!field.SequenceEqual("-"u8));
        if (!fields.TryNext(out var fsType) || !fields.TryNext(out var source) || !fields.TryNext(out var superOptions)
            || !TryParseDevice(device, out var deviceId) || mountPoint[0] != (byte)'/')
        {
            return false;
        }
        // A read-only remount after errors flips the superblock; "mount -o bind,ro" only the mount.
        var readOnly = IsReadOnly(mountOptions) || IsReadOnly(superOptions);
        mount = new MountLine(mountPoint, source, fsType, readOnly, deviceId);
        return true;
    }

    /// <summary>True when the first comma-separated option is "ro", as the kernel always writes it first.</summary>
    public static bool IsReadOnly(ReadOnlySpan<byte> options)
    {
        var comma = options.IndexOf((byte)',');
        return (comma < 0 ? options : options[..comma]).SequenceEqual("ro"u8);
    }

    private static bool TryParseDevice(ReadOnlySpan<byte> text, out ulong deviceId)
    {
        deviceId = 0;
        var colon = text.IndexOf((byte)':');
        if (colon <= 0
            || !Utf8Parser.TryParse(text[..colon], out uint major, out var usedMajor) || usedMajor != colon
            || !Utf8Parser.TryParse(text[(colon + 1)..], out uint minor, out var usedMinor) || usedMinor != text.Length - colon - 1)
        {
            return false;
        }
        deviceId = ((ulong)major << 32) | minor;
        return true;
    }
}

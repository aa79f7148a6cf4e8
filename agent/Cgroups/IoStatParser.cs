using System.Buffers.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Cgroups;

/// <summary>
/// cgroup v2 io.stat: "MAJ:MIN rbytes=N wbytes=N rios=N wios=N dbytes=N dios=N" per device. A device
/// with no I/O yet is listed bare ("7:0 "); other keys (dbytes, cost.*) are skipped.
/// </summary>
internal static class IoStatParser
{
    /// <summary>Sums every device; adds each to <paramref name="devices"/> when one is given.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out CgroupIo total, ICollection<DeviceIo>? devices = null)
    {
        total = default;
        while (!text.IsEmpty)
        {
            var fields = new SpanFields(SpanFields.NextLine(ref text));
            if (!fields.TryNext(out var device))
            {
                continue;
            }
            if (!DeviceNumber.TryParse(device, out var major, out var minor))
            {
                return false;
            }
            var io = default(CgroupIo);
            while (fields.TryNext(out var pair))
            {
                var eq = pair.IndexOf((byte)'=');
                if (eq <= 0 || eq == pair.Length - 1)
                {
                    return false;
                }
                var key = pair[..eq];
                var isCounter = key.SequenceEqual("rbytes"u8) || key.SequenceEqual("wbytes"u8)
                    || key.SequenceEqual("rios"u8) || key.SequenceEqual("wios"u8);
                if (!isCounter)
                {
                    continue;
                }
                if (!Utf8Parser.TryParse(pair[(eq + 1)..], out ulong value, out var used) || used != pair.Length - eq - 1)
                {
                    return false;
                }
                io = key[0] == (byte)'r'
                    ? key[1] == (byte)'b' ? io with { ReadBytes = value } : io with { ReadOps = value }
                    : key[1] == (byte)'b' ? io with { WriteBytes = value } : io with { WriteOps = value };
            }
            total = total.Plus(io);
            devices?.Add(new DeviceIo(major, minor, io));
        }
        return true;
    }
}

/// <summary>One block device's counters in a cgroup.</summary>
internal readonly record struct DeviceIo(uint Major, uint Minor, CgroupIo Io);

/// <summary>"MAJ:MIN" as the block layer prints a device.</summary>
internal static class DeviceNumber
{
    public static bool TryParse(ReadOnlySpan<byte> field, out uint major, out uint minor)
    {
        major = minor = 0;
        var colon = field.IndexOf((byte)':');
        return colon > 0
            && Utf8Parser.TryParse(field[..colon], out major, out var a) && a == colon
            && Utf8Parser.TryParse(field[(colon + 1)..], out minor, out var b) && b == field.Length - colon - 1 && b > 0;
    }
}

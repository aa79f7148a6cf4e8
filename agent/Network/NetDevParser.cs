using Warden.Agent.Procfs;

namespace Warden.Agent.Network;

/// <summary>
/// One line of /proc/net/dev. After two header lines ("Inter-|   Receive ..." and " face |bytes ..."),
/// net/core/net-procfs.c prints per device "%6s: %7llu %7llu %4llu %4llu %4llu %5llu %10llu %9llu
/// %8llu %7llu %4llu %4llu %4llu %5llu %7llu %10llu": rx bytes packets errs drop fifo frame compressed
/// multicast, then tx bytes packets errs drop fifo colls carrier compressed. A long name or a wide
/// number touches the colon ("eth0:12345"); names never contain ':', '/' or white space.
/// </summary>
internal static class NetDevParser
{
    private const int FieldCount = 16;

    /// <summary>Longest name the kernel allows (IFNAMSIZ 16, less the NUL).</summary>
    public const int MaxNameLength = 15;

    /// <summary>False for header lines, truncated lines and anything that is not 16 unsigned numbers.</summary>
    public static bool TryParseLine(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out NetDevCounters counters)
    {
        name = default;
        counters = default;
        var colon = line.IndexOf((byte)':');
        if (colon < 0)
        {
            return false;
        }
        var fields = new SpanFields(line[..colon]);
        if (!fields.TryNext(out name) || fields.TryNext(out _) || name.Length > MaxNameLength || name.Contains((byte)'/'))
        {
            return false;
        }

        Span<ulong> values = stackalloc ulong[FieldCount];
        var numbers = new SpanFields(line[(colon + 1)..]);
        for (var i = 0; i < FieldCount; i++)
        {
            if (!numbers.TryNextUInt64(out values[i]))
            {
                return false;
            }
        }
        if (numbers.TryNext(out _))
        {
            return false;
        }
        counters = new NetDevCounters(
            RxBytes: values[0], RxPackets: values[1], RxErrors: values[2], RxDropped: values[3],
            TxBytes: values[8], TxPackets: values[9], TxErrors: values[10], TxDropped: values[11]);
        return true;
    }
}

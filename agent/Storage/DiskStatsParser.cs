using Warden.Agent.Procfs;

namespace Warden.Agent.Storage;

/// <summary>
/// /proc/diskstats: "major minor name" and then 11 counters (since 2.6), 15 (4.18 adds discards)
/// or 17 (5.5 adds flushes): reads, reads merged, sectors read, ms reading, writes, writes merged,
/// sectors written, ms writing, I/Os in flight, ms doing I/O, weighted ms, discards, discards
/// merged, sectors discarded, ms discarding, flushes, ms flushing.
/// </summary>
internal static class DiskStatsParser
{
    public static bool TryParseLine(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out DiskCounters counters)
    {
        counters = default;
        name = default;
        var fields = new SpanFields(line);
        if (!fields.TryNextUInt64(out _) || !fields.TryNextUInt64(out _) || !fields.TryNext(out name))
        {
            return false;
        }
        Span<ulong> v = stackalloc ulong[15];
        v.Clear(); // counters an older kernel lacks read as 0
        var count = 0;
        while (count < v.Length && fields.TryNext(out var field))
        {
            // A field beyond 64 bits or not a number spoils the whole line rather than one counter.
            if (!System.Buffers.Text.Utf8Parser.TryParse(field, out v[count], out var used) || used != field.Length)
            {
                return false;
            }
            count++;
        }
        if (count < 11)
        {
            return false;
        }
        counters = new DiskCounters(v[0], v[2], v[3], v[4], v[6], v[7], v[8], v[9], v[10], v[11], v[14]);
        return true;
    }
}

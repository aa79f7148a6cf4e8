using System.Buffers.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Cgroups;

/// <summary>
/// Flat keyed files, one "key value" per line: cpu.stat, memory.events, memory.oom_control,
/// cpuacct.stat, and /proc/PID/io ("read_bytes: 8192", the colon is dropped).
/// </summary>
internal static class FlatKeyed
{
    /// <summary>True when every non-empty line is a key and an unsigned integer (what the kernel writes).</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> text)
    {
        var lines = 0;
        while (!text.IsEmpty)
        {
            var line = SpanFields.NextLine(ref text);
            var fields = new SpanFields(line);
            if (!fields.TryNext(out _))
            {
                continue;
            }
            if (!fields.TryNextUInt64(out _) || fields.TryNext(out _))
            {
                return false;
            }
            lines++;
        }
        return lines > 0;
    }

    /// <summary>The value of <paramref name="key"/>; false when the key is absent or its value is not a number.</summary>
    public static bool TryFind(ReadOnlySpan<byte> text, ReadOnlySpan<byte> key, out ulong value)
    {
        value = 0;
        while (!text.IsEmpty)
        {
            var fields = new SpanFields(SpanFields.NextLine(ref text));
            if (!fields.TryNext(out var name))
            {
                continue;
            }
            if (name.Length > 0 && name[^1] == (byte)':')
            {
                name = name[..^1];
            }
            if (name.SequenceEqual(key))
            {
                return fields.TryNextUInt64(out value);
            }
        }
        return false;
    }

    /// <summary>A file holding one number, or "max" for no limit (memory.max, pids.max, memory.current).</summary>
    public static bool TryParseSingle(ReadOnlySpan<byte> text, out ulong value, out bool isMax)
    {
        value = 0;
        isMax = false;
        var fields = new SpanFields(SpanFields.NextLine(ref text));
        if (!fields.TryNext(out var field) || fields.TryNext(out _))
        {
            return false;
        }
        if (field.SequenceEqual("max"u8))
        {
            isMax = true;
            value = ulong.MaxValue;
            return true;
        }
        return Utf8Parser.TryParse(field, out value, out var used) && used == field.Length;
    }
}

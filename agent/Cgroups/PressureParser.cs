using System.Buffers.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Cgroups;

/// <summary>
/// PSI files (cpu.pressure, memory.pressure, io.pressure, /proc/pressure/*):
/// "some avg10=0.61 avg60=0.58 avg300=0.15 total=841554" and the same for "full".
/// </summary>
internal static class PressureParser
{
    /// <summary>The "some" line (share of time at least one task stalled); "full" is optional.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out Pressure some, out Pressure? full)
    {
        some = default;
        full = null;
        var sawSome = false;
        while (!text.IsEmpty)
        {
            var fields = new SpanFields(SpanFields.NextLine(ref text));
            if (!fields.TryNext(out var kind))
            {
                continue;
            }
            if (!TryParseLine(ref fields, out var line))
            {
                return false;
            }
            if (kind.SequenceEqual("some"u8))
            {
                some = line;
                sawSome = true;
            }
            else if (kind.SequenceEqual("full"u8))
            {
                full = line;
            }
            else
            {
                return false;
            }
        }
        return sawSome;
    }

    private static bool TryParseLine(ref SpanFields fields, out Pressure line)
    {
        line = default;
        if (!TryValue(ref fields, "avg10="u8, out double avg10) || !TryValue(ref fields, "avg60="u8, out double avg60)
            || !TryValue(ref fields, "avg300="u8, out double avg300)
            || !fields.TryNext(out var total) || !total.StartsWith("total="u8)
            || !Utf8Parser.TryParse(total[6..], out ulong totalUsec, out var used) || used != total.Length - 6)
        {
            return false;
        }
        line = new Pressure(avg10, avg60, avg300, totalUsec);
        return true;
    }

    private static bool TryValue(ref SpanFields fields, ReadOnlySpan<byte> prefix, out double value)
    {
        value = 0;
        return fields.TryNext(out var field) && field.StartsWith(prefix)
            && Utf8Parser.TryParse(field[prefix.Length..], out value, out var used) && used == field.Length - prefix.Length
            && double.IsFinite(value) && value is >= 0 and <= 100;
    }
}

/// <summary>PSI averages in percent of wall time over 10, 60 and 300 s, and the total stall time.</summary>
internal readonly record struct Pressure(double Avg10, double Avg60, double Avg300, ulong TotalUsec);

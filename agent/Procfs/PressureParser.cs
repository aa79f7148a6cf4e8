namespace Warden.Agent.Procfs;

/// <summary>
/// /proc/pressure/{cpu,memory,io} and a cgroup v2's cpu/memory/io.pressure (PSI, kernel 4.20+):
/// "some avg10=0.61 avg60=0.58 avg300=0.15 total=841554" and "full avg10=... total=...". The avgs
/// are percent of wall time stalled; total is microseconds. The system-wide cpu file has no "full"
/// line before 5.13.
/// </summary>
internal static class PressureParser
{
    public static bool TryParse(ReadOnlySpan<byte> text, out Pressure pressure)
    {
        pressure = default;
        PressureLine? some = null, full = null;
        while (!text.IsEmpty)
        {
            var line = SpanFields.NextLine(ref text);
            if (line.StartsWith("some "u8))
            {
                some = TryParseLine(line[5..], out var parsed) ? parsed : null;
            }
            else if (line.StartsWith("full "u8))
            {
                full = TryParseLine(line[5..], out var parsed) ? parsed : null;
            }
        }
        if (some is not { } s)
        {
            return false;
        }
        pressure = new Pressure(s, full);
        return true;
    }

    /// <summary>Just the "some" line (at least one task stalled): what cgroup readings keep.</summary>
    public static bool TryParseSome(ReadOnlySpan<byte> text, out PressureLine some)
    {
        var parsed = TryParse(text, out var pressure);
        some = pressure.Some;
        return parsed;
    }

    private static bool TryParseLine(ReadOnlySpan<byte> rest, out PressureLine line)
    {
        line = default;
        double avg10 = double.NaN, avg60 = double.NaN, avg300 = double.NaN;
        ulong total = 0;
        var haveTotal = false;
        var fields = new SpanFields(rest);
        while (fields.TryNext(out var field))
        {
            var eq = field.IndexOf((byte)'=');
            if (eq <= 0)
            {
                return false;
            }
            var key = field[..eq];
            var value = field[(eq + 1)..];
            if (key.SequenceEqual("total"u8))
            {
                haveTotal = System.Buffers.Text.Utf8Parser.TryParse(value, out total, out var used) && used == value.Length;
            }
            else if (key.SequenceEqual("avg10"u8)) { avg10 = Percent(value); }
            else if (key.SequenceEqual("avg60"u8)) { avg60 = Percent(value); }
            else if (key.SequenceEqual("avg300"u8)) { avg300 = Percent(value); }
        }
        if (double.IsNaN(avg10) || double.IsNaN(avg60) || double.IsNaN(avg300) || !haveTotal)
        {
            return false;
        }
        line = new PressureLine(avg10, avg60, avg300, total);
        return true;
    }

    // A share of wall time: anything outside 0..100 is not something the kernel wrote.
    private static double Percent(ReadOnlySpan<byte> value) =>
        System.Buffers.Text.Utf8Parser.TryParse(value, out double pct, out var used) && used == value.Length
            && pct >= 0 && pct <= 100 ? pct : double.NaN;
}

/// <param name="TotalMicroseconds">Stall time since boot.</param>
internal readonly record struct PressureLine(double Avg10, double Avg60, double Avg300, ulong TotalMicroseconds);

/// <param name="Full">Null where the kernel writes no "full" line (system cpu before 5.13).</param>
internal readonly record struct Pressure(PressureLine Some, PressureLine? Full);

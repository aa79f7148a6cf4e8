namespace Warden.Agent.Procfs;

/// <summary>
/// The "cpuN user nice system idle iowait irq softirq steal guest guest_nice" lines of /proc/stat,
/// one per online CPU. Offline CPUs have no line, so the numbers N can skip.
/// </summary>
internal static class PerCpuStatParser
{
    /// <summary>
    /// Fills <paramref name="into"/> with the cpuN lines in file order and returns how many there are.
    /// When that is more than <paramref name="into"/> holds only the first ones are filled: the caller
    /// grows its array once and parses again. Unparseable cpuN lines are skipped.
    /// </summary>
    public static int Parse(ReadOnlySpan<byte> text, Span<PerCpuTimes> into)
    {
        var count = 0;
        while (!text.IsEmpty)
        {
            var line = SpanFields.NextLine(ref text);
            if (!line.StartsWith("cpu"u8) || line.Length < 4 || !char.IsAsciiDigit((char)line[3]))
            {
                continue;
            }
            var space = line.IndexOfAny((byte)' ', (byte)'\t');
            if (space < 0
                || !System.Buffers.Text.Utf8Parser.TryParse(line[3..space], out int cpu, out var used) || used != space - 3
                || !ProcStatParser.TryParseCpuFields(line[space..], out var times))
            {
                continue;
            }
            if (count < into.Length)
            {
                into[count] = new PerCpuTimes(cpu, times);
            }
            count++;
        }
        return count;
    }
}

/// <param name="Cpu">N of the "cpuN" line.</param>
internal readonly record struct PerCpuTimes(int Cpu, CpuTimes Times);

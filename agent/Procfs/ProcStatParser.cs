namespace Warden.Agent.Procfs;

/// <summary>
/// /proc/stat: "cpu  user nice system idle iowait irq softirq steal guest guest_nice", then one
/// "cpuN" line per online CPU, then "intr", "ctxt", "btime", "processes", ...
/// </summary>
internal static class ProcStatParser
{
    public static bool TryParse(ReadOnlySpan<byte> text, out ProcStat stat)
    {
        stat = default;
        var haveTotal = false;
        CpuTimes total = default;
        var cpus = 0;
        ulong bootTime = 0;
        while (!text.IsEmpty)
        {
            var line = SpanFields.NextLine(ref text);
            if (line.StartsWith("cpu "u8))
            {
                haveTotal = TryParseCpuFields(line[3..], out total);
            }
            else if (line.StartsWith("cpu"u8))
            {
                cpus++;
            }
            else if (line.StartsWith("btime "u8))
            {
                var fields = new SpanFields(line[6..]);
                fields.TryNextUInt64(out bootTime);
            }
        }
        if (!haveTotal)
        {
            return false;
        }
        stat = new ProcStat(total, cpus, bootTime);
        return true;
    }

    /// <summary>The numbers after "cpu" or "cpuN"; shared with <see cref="PerCpuStatParser"/>.</summary>
    public static bool TryParseCpuFields(ReadOnlySpan<byte> rest, out CpuTimes times)
    {
        times = default;
        var fields = new SpanFields(rest);
        // Kernels before 2.6.11 lack steal; before 2.6.0 iowait, irq and softirq. Four is the floor.
        Span<ulong> values = stackalloc ulong[8];
        var count = 0;
        while (count < values.Length && fields.TryNext(out var field))
        {
            if (!System.Buffers.Text.Utf8Parser.TryParse(field, out values[count], out var used) || used != field.Length)
            {
                return false;
            }
            count++;
        }
        if (count < 4)
        {
            return false;
        }
        times = new CpuTimes(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
        return true;
    }
}

/// <param name="Total">The aggregate "cpu" line.</param>
/// <param name="OnlineCpus">Number of "cpuN" lines.</param>
/// <param name="BootTimeUnixSeconds">btime, 0 if absent.</param>
internal readonly record struct ProcStat(CpuTimes Total, int OnlineCpus, ulong BootTimeUnixSeconds);

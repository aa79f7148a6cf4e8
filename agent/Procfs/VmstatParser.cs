namespace Warden.Agent.Procfs;

/// <summary>
/// /proc/vmstat: "key value" event counters since boot. Only the few the system checks judge are
/// kept; a key the kernel does not write (oom_kill before 4.13, pswp* without CONFIG_SWAP) is null.
/// </summary>
internal static class VmstatParser
{
    public static VmCounters Parse(ReadOnlySpan<byte> text)
    {
        ulong? oomKill = null, majorFaults = null, swapIn = null, swapOut = null;
        while (!text.IsEmpty)
        {
            var fields = new SpanFields(SpanFields.NextLine(ref text));
            if (!fields.TryNext(out var key) || !fields.TryNextUInt64(out var value))
            {
                continue;
            }
            if (key.SequenceEqual("oom_kill"u8)) { oomKill = value; }
            else if (key.SequenceEqual("pgmajfault"u8)) { majorFaults = value; }
            else if (key.SequenceEqual("pswpin"u8)) { swapIn = value; }
            else if (key.SequenceEqual("pswpout"u8)) { swapOut = value; }
        }
        return new VmCounters(oomKill, majorFaults, swapIn, swapOut);
    }
}

/// <param name="OomKill">Processes the OOM killer has killed.</param>
/// <param name="MajorFaults">Page faults that needed I/O (pgmajfault).</param>
/// <param name="SwapIn">Pages swapped in (pswpin).</param>
/// <param name="SwapOut">Pages swapped out (pswpout).</param>
internal readonly record struct VmCounters(ulong? OomKill, ulong? MajorFaults, ulong? SwapIn, ulong? SwapOut);

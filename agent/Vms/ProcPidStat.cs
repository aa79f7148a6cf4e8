using Warden.Agent.Procfs;

namespace Warden.Agent.Vms;

/// <summary>
/// /proc/PID/stat: "PID (COMM) STATE PPID ... UTIME(14) STIME(15) ... STARTTIME(22) ...". COMM may hold
/// spaces and parentheses, even ") (", so the fields after it are found from the LAST ')'.
/// </summary>
internal static class ProcPidStat
{
    public static bool TryParse(ReadOnlySpan<byte> text, out ReadOnlySpan<byte> comm, out ProcessTimes times)
    {
        comm = default;
        times = default;
        var open = text.IndexOf((byte)'(');
        var close = text.LastIndexOf((byte)')');
        if (open < 0 || close < open)
        {
            return false;
        }
        comm = text[(open + 1)..close];
        var fields = new SpanFields(SpanFields.NextLine(ref text)[(close + 1)..]);
        // Field 3 (state) is the first after COMM; skip 4..13 to reach utime (14) and stime (15).
        if (!fields.TryNext(out var state) || state.Length != 1)
        {
            return false;
        }
        for (var field = 4; field <= 13; field++)
        {
            if (!fields.TryNext(out _))
            {
                return false;
            }
        }
        if (!fields.TryNextUInt64(out var utime) || !fields.TryNextUInt64(out var stime))
        {
            return false;
        }
        for (var field = 16; field <= 21; field++)
        {
            if (!fields.TryNext(out _))
            {
                return false;
            }
        }
        if (!fields.TryNextUInt64(out var start))
        {
            return false;
        }
        times = new ProcessTimes(utime, stime, start, (char)state[0]);
        return true;
    }
}

/// <summary>CPU time in USER_HZ ticks and the start time in ticks after boot (with the pid, a process's identity).</summary>
internal readonly record struct ProcessTimes(ulong UserTicks, ulong SystemTicks, ulong StartTicks, char State)
{
    /// <summary>USER_HZ is 100 on every Linux architecture the agent ships for.</summary>
    public const ulong TicksPerSecond = 100;

    public ulong CpuUsec => Cgroups.Saturating.Multiply(Cgroups.Saturating.Add(UserTicks, SystemTicks), 1_000_000 / TicksPerSecond);
}

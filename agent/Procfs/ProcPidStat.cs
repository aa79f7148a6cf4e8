namespace Warden.Agent.Procfs;

/// <summary>
/// /proc/PID/stat: "PID (COMM) STATE PPID ... UTIME(14) STIME(15) ... STARTTIME(22) ...". COMM may hold
/// spaces and parentheses, even ") (", so it runs from the first '(' to the LAST ')', and the state
/// letter follows that ')' and a space (proc(5)).
/// </summary>
internal static class ProcPidStat
{
    /// <summary>Just the name and state: what a process scan needs, without reading the rest.</summary>
    public static bool TryParseComm(ReadOnlySpan<byte> stat, out ReadOnlySpan<byte> comm, out byte state)
    {
        comm = default;
        state = 0;
        var open = stat.IndexOf((byte)'(');
        var close = stat.LastIndexOf((byte)')');
        if (open < 0 || close < open || close + 2 >= stat.Length || stat[close + 1] != (byte)' ')
        {
            return false;
        }
        comm = stat[(open + 1)..close];
        state = stat[close + 2];
        return true;
    }

    public static bool TryParse(ReadOnlySpan<byte> text, out ReadOnlySpan<byte> comm, out ProcessTimes times)
    {
        times = default;
        if (!TryParseComm(text, out comm, out _))
        {
            return false;
        }
        var close = text.LastIndexOf((byte)')');
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

    public ulong CpuUsec => Warden.Agent.Cgroups.Saturating.Multiply(Warden.Agent.Cgroups.Saturating.Add(UserTicks, SystemTicks), 1_000_000 / TicksPerSecond);
}

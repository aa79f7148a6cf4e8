namespace Warden.Agent.Services;

/// <summary>
/// The name and state in /proc/PID/stat: "1234 (my (odd) proc) S 1 ...". The comm sits in
/// parentheses and may itself hold spaces and ")", so it runs from the first "(" to the LAST ")";
/// the state letter follows that ")" and a space (proc(5)).
/// </summary>
internal static class ProcessStatComm
{
    public static bool TryParse(ReadOnlySpan<byte> stat, out ReadOnlySpan<byte> comm, out byte state)
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
}

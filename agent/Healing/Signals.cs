using System.Runtime.InteropServices;

namespace Warden.Agent.Healing;

/// <summary>
/// Sends a signal with kill(2) through a source-generated [LibraryImport] stub: no reflection, AOT-safe,
/// and no dependence on a kill binary being installed.
/// </summary>
internal static partial class Signals
{
    /// <summary>The Linux signal number for a name ("HUP", "SIGHUP"), or null for one we do not send.</summary>
    public static int? Number(string name) => (name.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) ? name[3..] : name).ToUpperInvariant() switch
    {
        "HUP" => 1,
        "INT" => 2,
        "QUIT" => 3,
        "KILL" => 9,
        "USR1" => 10,
        "USR2" => 12,
        "TERM" => 15,
        "CONT" => 18,
        "STOP" => 19,
        _ => null,
    };

    /// <summary>Null when sent, otherwise why not (the process exited, or is not ours to signal).</summary>
    public static string? Send(int pid, int signal) => NativeKill(pid, signal) == 0
        ? null
        : Marshal.GetLastPInvokeError() switch
        {
            1 => "EPERM",
            3 => "ESRCH",
            var errno => $"errno {errno}",
        };

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int signal);
}

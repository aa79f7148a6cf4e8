namespace Warden.Agent.Healing;

/// <summary>
/// One heal action, e.g. { "Kind": "restart-unit", "Unit": "web.service" },
/// { "Kind": "run", "Command": [ "/usr/local/bin/restart-web" ] },
/// { "Kind": "signal", "ProcessName": "web", "Signal": "HUP" },
/// { "Kind": "restart-process", "ProcessName": "web", "Command": [ "/usr/sbin/web", "--daemon" ] },
/// { "Kind": "drop-caches", "Level": 1 },
/// { "Kind": "clean-directory", "Directory": "/var/tmp/app", "Pattern": "*.log", "OlderThanMinutes": 60, "MaxBytes": 1073741824 } or
/// { "Kind": "kill-largest-in-cgroup", "Cgroup": "system.slice/batch.service" }. The kinds are a fixed set.
/// </summary>
public sealed class HealActionOptions
{
    public const string RestartUnit = "restart-unit";
    public const string Run = "run";
    public const string SendSignal = "signal";
    public const string RestartProcess = "restart-process";
    public const string DropCaches = "drop-caches";
    public const string CleanDirectory = "clean-directory";
    public const string KillLargestInCgroup = "kill-largest-in-cgroup";

    /// <summary>One of the kinds above.</summary>
    public string Kind { get; set; } = "";

    /// <summary>restart-unit: the systemd unit ("web.service").</summary>
    public string? Unit { get; set; }

    /// <summary>run: program (absolute path) and arguments, run without a shell; restart-process: what starts the process again, detached.</summary>
    public string[] Command { get; set; } = [];

    /// <summary>signal, restart-process: the processes to signal or stop, by exact name as in /proc/PID/comm.</summary>
    public string? ProcessName { get; set; }

    /// <summary>restart-process: the processes to stop, by a glob over the command line (instead of ProcessName).</summary>
    public string? Cmdline { get; set; }

    /// <summary>
    /// signal, restart-process, kill-largest-in-cgroup: HUP, INT, QUIT, KILL, USR1, USR2, TERM, CONT or STOP
    /// ("SIG" prefix allowed). Unset: TERM, except KILL for kill-largest-in-cgroup.
    /// </summary>
    public string? Signal { get; set; }

    /// <summary>restart-process: seconds the stopped processes get to exit before they are sent KILL.</summary>
    public double StopSeconds { get; set; } = 10;

    /// <summary>drop-caches: 1 the page cache, 2 dentries and inodes, 3 both (as /proc/sys/vm/drop_caches takes it).</summary>
    public int Level { get; set; } = 1;

    /// <summary>clean-directory: the directory (absolute) whose files, and its subdirectories' files, are candidates.</summary>
    public string? Directory { get; set; }

    /// <summary>clean-directory: a glob over the file name ("*" any run, "?" one character).</summary>
    public string Pattern { get; set; } = "*";

    /// <summary>clean-directory: only files last written at least this long ago.</summary>
    public double OlderThanMinutes { get; set; } = 60;

    /// <summary>clean-directory: at most this many bytes are removed per run, oldest files first.</summary>
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>kill-largest-in-cgroup: the cgroup ("system.slice/batch.service") whose largest process by RSS is signalled.</summary>
    public string? Cgroup { get; set; }

    internal string EffectiveSignal => Signal ?? (Kind == KillLargestInCgroup ? "KILL" : "TERM");
}

namespace Warden.Agent.Healing;

/// <summary>
/// One heal action, e.g. { "Kind": "restart-unit", "Unit": "web.service" },
/// { "Kind": "run", "Command": [ "/usr/local/bin/restart-web" ] } or
/// { "Kind": "signal", "ProcessName": "web", "Signal": "HUP" }. The kinds are a fixed set.
/// </summary>
public sealed class HealActionOptions
{
    public const string RestartUnit = "restart-unit";
    public const string Run = "run";
    public const string SendSignal = "signal";

    /// <summary>restart-unit, run or signal.</summary>
    public string Kind { get; set; } = "";

    /// <summary>restart-unit: the systemd unit ("web.service").</summary>
    public string? Unit { get; set; }

    /// <summary>run: program (absolute path) and arguments, run without a shell.</summary>
    public string[] Command { get; set; } = [];

    /// <summary>signal: the processes to signal, by exact name as in /proc/PID/comm.</summary>
    public string? ProcessName { get; set; }

    /// <summary>signal: HUP, INT, QUIT, KILL, USR1, USR2, TERM, CONT or STOP ("SIG" prefix allowed).</summary>
    public string Signal { get; set; } = "TERM";
}

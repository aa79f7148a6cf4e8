namespace Warden.Agent.Checks.Service;

/// <summary>
/// One process rule (check "process_running"): how many running processes match. Set exactly one
/// matcher: ProcessName (exact comm, as in /proc/PID/comm; the kernel keeps its first 15 bytes),
/// Cmdline (a glob over the whole command line, arguments joined by spaces: "*" any run, "?" one
/// character) or CmdlineRegex (a .NET regular expression found anywhere in that line).
/// </summary>
public sealed class ProcessCheckOptions
{
    /// <summary>Subject shown for this rule; default: the matcher's value.</summary>
    public string? Name { get; set; }

    public string? ProcessName { get; set; }

    public string? Cmdline { get; set; }

    public string? CmdlineRegex { get; set; }

    /// <summary>Fewer running matches than this is CRIT.</summary>
    public int Min { get; set; } = 1;

    /// <summary>More running matches than this is WARN; unset means no upper limit.</summary>
    public int? Max { get; set; }

    public bool Enabled { get; set; } = true;

    public double IntervalSeconds { get; set; } = 5;

    internal string Subject => !string.IsNullOrEmpty(Name) ? Name : ProcessName ?? Cmdline ?? CmdlineRegex ?? "";
}

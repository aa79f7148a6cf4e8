namespace Warden.Agent.Checks.Service;

/// <summary>
/// One systemd unit to watch (check "service_unit"). Where systemd does not run, the unit is judged
/// by a process instead: set one of ProcessName, Cmdline or CmdlineRegex (see ProcessCheckOptions).
/// </summary>
public sealed class UnitCheckOptions
{
    /// <summary>Subject shown for this unit; default: Unit.</summary>
    public string? Name { get; set; }

    /// <summary>The unit, e.g. "nginx.service". Required.</summary>
    public string Unit { get; set; } = "";

    public string? ProcessName { get; set; }

    public string? Cmdline { get; set; }

    public string? CmdlineRegex { get; set; }

    public bool Enabled { get; set; } = true;

    public double IntervalSeconds { get; set; } = 10;

    /// <summary>How long systemctl may take before it is killed and the result is UNKNOWN.</summary>
    public double TimeoutSeconds { get; set; } = 5;

    internal string Subject => string.IsNullOrEmpty(Name) ? Unit : Name;
}

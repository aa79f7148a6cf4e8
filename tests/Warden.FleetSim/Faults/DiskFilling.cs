using System.Globalization;
using Warden.Proto.V1;

namespace Warden.FleetSim.Faults;

/// <summary>
/// A mount filling at a steady rate from <paramref name="startPct"/>: the host ships the rising
/// disk.used_pct of the mount and its disk_space check turns WARN, then CRIT (SOFT, then HARD after
/// the check's attempts), with the time left until full in the reason. <see cref="Free"/> is the
/// space coming back (a cleanup); the check then recovers and the fault ends.
/// </summary>
public sealed class DiskFilling(string mount, double startPct, double pctPerMinute, double warnPct = 85, double critPct = 95) : HostFault
{
    private DateTimeOffset? _start;
    private double? _freedTo;

    public string Check => "disk_space:" + mount;

    public double UsedPct { get; private set; }

    /// <summary>From the next step on, the mount is at <paramref name="usedPct"/> and stays there.</summary>
    public void Free(double usedPct) => _freedTo = usedPct;

    protected internal override async Task StepAsync(SimulatedHost host, DateTimeOffset now, CancellationToken token)
    {
        _start ??= now;
        UsedPct = _freedTo ?? Math.Min(100, startPct + pctPerMinute * (now - _start.Value).TotalMinutes);
        host.Readings.Set("disk.used_pct", mount, UsedPct);
        var state = UsedPct >= critPct ? CheckState.Crit : UsedPct >= warnPct ? CheckState.Warn : CheckState.Ok;
        await host.ObserveAsync("storage", Check, state, UsedPct, $"warn {warnPct}, crit {critPct}", Reason(state), token);
        if (_freedTo is not null)
        {
            host.Readings.Clear("disk.used_pct", mount);
            Finished = true;
        }
    }

    private string Reason(CheckState state)
    {
        var used = UsedPct.ToString("F1", CultureInfo.InvariantCulture);
        if (state == CheckState.Ok || pctPerMinute <= 0 || _freedTo is not null)
        {
            return $"{mount} {used}% used";
        }
        var minutes = (100 - UsedPct) / pctPerMinute;
        return $"{mount} {used}% used, {(state == CheckState.Crit ? "crit" : "warn")} at {(state == CheckState.Crit ? critPct : warnPct)}%; full in {minutes:F0} min";
    }
}

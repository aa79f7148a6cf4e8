using Warden.Agent.Cgroups;
using Warden.Agent.Vms;

namespace Warden.Agent.Checks.Vm;

/// <summary>
/// vm_cpu_throttling: the share of CFS enforcement periods in which the guest's cgroup was throttled, over
/// the interval since the previous evaluation. One outcome per running guest with a cgroup.
/// </summary>
internal sealed class VmCpuThrottlingCheck(CheckSettings settings, GuestInventory inventory, CgroupStatsReader cgroups) : ICheck
{
    private readonly Dictionary<(int, ulong), CgroupThrottling> _previous = [];
    private readonly HashSet<(int, ulong)> _live = [];
    private readonly List<(int, ulong)> _gone = [];

    public string Name => "vm_cpu_throttling";

    public Component Component => Component.Vm;

    public TimeSpan Interval => settings.Interval;

    public static CheckResult Judge(string guest, CgroupThrottling? before, CgroupThrottling? now, Threshold threshold)
    {
        var levels = threshold.Describe("%");
        if (now is not { } current)
        {
            return CheckResult.Unknown($"guest {guest}: its cgroup reports no CPU throttling (no cpu controller there)");
        }
        if (before is not { } earlier)
        {
            return CheckResult.Unknown($"guest {guest}: first sample; throttling is judged over the next interval");
        }
        var periods = Saturating.Delta(current.Periods, earlier.Periods);
        if (periods == 0)
        {
            return CheckResult.Ok(0, levels, $"guest {guest}: no CFS periods this interval (no CPU limit, or idle)");
        }
        var throttled = Math.Min(Saturating.Delta(current.ThrottledPeriods, earlier.ThrottledPeriods), periods);
        var pct = 100.0 * throttled / periods;
        ReasonText reason = $"guest {guest}: throttled in {throttled} of {periods} CPU periods ({pct:0.#} %)";
        return new CheckResult(threshold.Judge(pct), pct, levels, reason);
    }

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        var running = inventory.Running();
        lock (_previous)
        {
            _live.Clear();
            for (var i = 0; i < running.Count; i++)
            {
                var guest = running[i];
                _live.Add(guest.Identity);
                if (guest.Cgroup is null)
                {
                    continue;
                }
                var now = cgroups.Sample(guest.Cgroup).Throttling;
                CgroupThrottling? before = _previous.TryGetValue(guest.Identity, out var b) ? b : null;
                results.Add(new CheckOutcome(Name, guest.Name, Component, Judge(guest.Name, before, now, settings.Threshold)));
                if (now is { } value)
                {
                    _previous[guest.Identity] = value;
                }
            }
            // Reused sets, indexed loops: a host's steady state allocates nothing here.
            _gone.Clear();
            foreach (var key in _previous.Keys)
            {
                if (!_live.Contains(key))
                {
                    _gone.Add(key);
                }
            }
            foreach (var gone in _gone)
            {
                _previous.Remove(gone);
            }
        }
        return ValueTask.CompletedTask;
    }
}

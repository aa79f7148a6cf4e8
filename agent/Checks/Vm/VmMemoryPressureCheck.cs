using Warden.Agent.Cgroups;
using Warden.Agent.Procfs;

namespace Warden.Agent.Checks.Vm;

/// <summary>
/// vm_memory_pressure: memory.current as a percent of memory.max (v1: usage_in_bytes of limit_in_bytes) for a
/// guest whose cgroup is limited; without a limit, the PSI memory "some" avg10 where the kernel has it, else OK.
/// One outcome per running guest.
/// </summary>
internal sealed class VmMemoryPressureCheck(CheckSettings settings, GuestInventory inventory, CgroupStatsReader cgroups) : ICheck
{
    public string Name => "vm_memory_pressure";

    public Component Component => Component.Vm;

    public TimeSpan Interval => settings.Interval;

    public static CheckResult Judge(string guest, CgroupMemory? memory, PressureLine? pressure, Threshold threshold)
    {
        var levels = threshold.Describe("%");
        if (memory is not { } m)
        {
            return CheckResult.Unknown($"guest {guest}: its cgroup reports no memory use (no memory controller there)");
        }
        var used = Mib(m.CurrentBytes);
        if (m.LimitBytes is { } limit)
        {
            var pct = m.UsedPct;
            ReasonText reason = $"guest {guest}: {used:0.#} MiB of its {Mib(limit):0.#} MiB limit ({pct:0.#} %)";
            return new CheckResult(threshold.Judge(pct), pct, levels, reason);
        }
        if (pressure is { } psi)
        {
            ReasonText reason = $"guest {guest}: {used:0.#} MiB, no memory limit; stalled on memory {psi.Avg10:0.##} % of the last 10 s";
            return new CheckResult(threshold.Judge(psi.Avg10), psi.Avg10, levels, reason);
        }
        return CheckResult.Ok(0, levels, $"guest {guest}: {used:0.#} MiB, no memory limit");
    }

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        var running = inventory.Running();
        for (var i = 0; i < running.Count; i++)
        {
            var guest = running[i];
            if (guest.Cgroup is { } shared && !guest.HasOwnCgroup)
            {
                // Without a scope of its own the cgroup's memory and PSI are everyone's, not the guest's.
                results.Add(new CheckOutcome(Name, guest.Name, Component, CheckResult.Ok(0, settings.Threshold.Describe("%"),
                    $"guest {guest.Name}: no cgroup of its own (it shares {shared.Primary}), so no memory limit of its own to judge")));
                continue;
            }
            CgroupSample? stats = guest.Cgroup is null ? null : cgroups.Sample(guest.Cgroup);
            results.Add(new CheckOutcome(Name, guest.Name, Component, Judge(guest.Name, stats?.Memory, stats?.MemoryPressure, settings.Threshold)));
        }
        return ValueTask.CompletedTask;
    }

    private static double Mib(ulong bytes) => bytes / (1024.0 * 1024.0);
}

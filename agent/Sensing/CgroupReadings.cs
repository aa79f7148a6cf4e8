using Warden.Agent.Cgroups;

namespace Warden.Agent.Sensing;

/// <summary>The readings of one cgroup read, given the previous read of it (rates need two).</summary>
internal static class CgroupReadings
{
    /// <param name="before">The previous read; null on the first, when no rate can be given yet.</param>
    /// <param name="seconds">Time between the two reads.</param>
    public static IEnumerable<(string Name, double Value)> Of(CgroupStats now, CgroupStats? before, double seconds)
    {
        var interval = before is not null && seconds > 0;
        if (interval && now.Cpu is { } cpu && before!.Cpu is { } cpu0)
        {
            yield return ("cgroup.cpu_pct", 100.0 * Saturating.Delta(cpu.UsageUsec, cpu0.UsageUsec) / 1e6 / seconds);
        }
        if (interval && now.Throttling is { } t && before!.Throttling is { } t0)
        {
            var periods = Saturating.Delta(t.Periods, t0.Periods);
            yield return ("cgroup.cpu_throttled_pct", periods == 0 ? 0 : 100.0 * Math.Min(Saturating.Delta(t.ThrottledPeriods, t0.ThrottledPeriods), periods) / periods);
            yield return ("cgroup.cpu_throttled_seconds", Saturating.Delta(t.ThrottledUsec, t0.ThrottledUsec) / 1e6);
        }
        if (now.Memory is { } memory)
        {
            yield return ("cgroup.mem_bytes", memory.CurrentBytes);
            if (memory.LimitBytes is { } limit)
            {
                yield return ("cgroup.mem_limit_bytes", limit);
                yield return ("cgroup.mem_used_pct", memory.UsedPct);
            }
        }
        if (now.MemoryEvents is { } events)
        {
            if (events.OomKills is { } kills)
            {
                yield return ("cgroup.oom_kills_total", kills);
            }
            if (events.Ooms is { } ooms)
            {
                yield return ("cgroup.ooms_total", ooms);
            }
        }
        if (interval && now.Io is { } io && before!.Io is { } io0)
        {
            yield return ("cgroup.io_read_bytes_per_s", Saturating.Delta(io.ReadBytes, io0.ReadBytes) / seconds);
            yield return ("cgroup.io_write_bytes_per_s", Saturating.Delta(io.WriteBytes, io0.WriteBytes) / seconds);
            yield return ("cgroup.io_read_ops_per_s", Saturating.Delta(io.ReadOps, io0.ReadOps) / seconds);
            yield return ("cgroup.io_write_ops_per_s", Saturating.Delta(io.WriteOps, io0.WriteOps) / seconds);
        }
        if (now.Pids is { } pids)
        {
            yield return ("cgroup.pids", pids.Current);
            if (pids.Max is { } max)
            {
                yield return ("cgroup.pids_max", max);
            }
        }
        foreach (var (name, line) in new[] { ("cgroup.pressure_cpu_pct", now.CpuPressure), ("cgroup.pressure_memory_pct", now.MemoryPressure), ("cgroup.pressure_io_pct", now.IoPressure) })
        {
            if (line is { } psi)
            {
                yield return (name, psi.Avg10);
            }
        }
    }
}

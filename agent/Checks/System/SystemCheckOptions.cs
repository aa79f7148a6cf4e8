namespace Warden.Agent.Checks.SystemChecks;

/// <summary>
/// "Checks": { "System": { ... } }: the host's own health. Each check's defaults are stated here
/// once; a config file overrides any of them ("CpuSaturation": { "Warn": 85 }).
/// </summary>
public sealed class SystemCheckOptions
{
    public const string Section = "Checks:System";

    /// <summary>cpu_saturation: busy % of all CPUs averaged over the check interval.</summary>
    public CheckSettings CpuSaturation { get; set; } = new() { Warn = 90, Crit = 98 };

    /// <summary>memory_available: MemAvailable as % of MemTotal; lower is worse.</summary>
    public CheckSettings MemoryAvailable { get; set; } = new() { Warn = 10, Crit = 5 };

    /// <summary>
    /// swap_activity: pages swapped in plus out per second (vmstat pswpin + pswpout). 100 pages/s is
    /// about 400 KiB/s of sustained swapping, felt as latency; 1000 (about 4 MiB/s) is thrashing.
    /// </summary>
    public CheckSettings SwapActivity { get; set; } = new() { Warn = 100, Crit = 1000 };

    /// <summary>load_per_core: the 1-minute load average divided by the online CPUs.</summary>
    public CheckSettings LoadPerCore { get; set; } = new() { Warn = 2, Crit = 4 };

    /// <summary>pressure_stall: PSI "some avg10" of cpu, memory and io, % of time stalled.</summary>
    public CheckSettings PressureStall { get; set; } = new() { Warn = 20, Crit = 50 };

    /// <summary>
    /// oom_kills: processes the OOM killer killed since the last evaluation. Any kill is WARN (a
    /// workload lost a process); 5 in one interval is CRIT (the host is out of memory, not one
    /// runaway process). The interval is longer so a burst lands in one evaluation.
    /// </summary>
    public CheckSettings OomKills { get; set; } = new() { Warn = 1, Crit = 5, IntervalSeconds = 30 };

    /// <summary>file_descriptors: allocated file handles as % of fs.file-max.</summary>
    public CheckSettings FileDescriptors { get; set; } = new() { Warn = 80, Crit = 95, IntervalSeconds = 30 };

    /// <summary>Problems with these values, each naming its key, e.g. "Checks:System:CpuSaturation:Warn".</summary>
    internal IEnumerable<string> Problems(string path = Section)
    {
        IEnumerable<string> Percent(string name, CheckSettings s, bool higherIsWorse) =>
            SystemCheckLimits.Problems($"{path}:{name}", s, 0, 100, higherIsWorse);
        IEnumerable<string> Positive(string name, CheckSettings s) =>
            SystemCheckLimits.Problems($"{path}:{name}", s, 0, double.MaxValue, higherIsWorse: true);

        return Percent(nameof(CpuSaturation), CpuSaturation, true)
            .Concat(Percent(nameof(MemoryAvailable), MemoryAvailable, false))
            .Concat(Positive(nameof(SwapActivity), SwapActivity))
            .Concat(Positive(nameof(LoadPerCore), LoadPerCore))
            .Concat(Percent(nameof(PressureStall), PressureStall, true))
            .Concat(Positive(nameof(OomKills), OomKills))
            .Concat(Percent(nameof(FileDescriptors), FileDescriptors, true));
    }
}

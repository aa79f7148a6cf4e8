using Warden.Agent.Procfs;

namespace Warden.Agent.Cgroups;

/// <summary>
/// One read of one cgroup, named: the <see cref="CgroupSample"/> with its path and the files that did not parse.
/// </summary>
internal sealed class CgroupStats
{
    public required string Path { get; init; }

    public required CgroupLayout Layout { get; init; }

    public CgroupSample Sample { get; init; }

    /// <summary>False when the cgroup's directory is in no hierarchy (the unit stopped, the guest is gone).</summary>
    public bool Exists => Sample.Exists;

    public CgroupCpu? Cpu => Sample.Cpu;

    public CgroupThrottling? Throttling => Sample.Throttling;

    public CgroupMemory? Memory => Sample.Memory;

    public CgroupMemoryEvents? MemoryEvents => Sample.MemoryEvents;

    public CgroupIo? Io => Sample.Io;

    public CgroupPids? Pids => Sample.Pids;

    /// <summary>PSI "some" lines: v2, or the unified/ hierarchy of a hybrid host; null on plain v1.</summary>
    public PressureLine? CpuPressure => Sample.CpuPressure;

    public PressureLine? MemoryPressure => Sample.MemoryPressure;

    public PressureLine? IoPressure => Sample.IoPressure;

    /// <summary>Files that exist but did not hold what the kernel writes, as full paths.</summary>
    public IReadOnlyList<string> Unparsed { get; init; } = [];
}

/// <summary>
/// One read of one cgroup as a value, so a check can take it every cycle without allocating. A null part is
/// "no data": the controller is not enabled there, the file is missing on this kernel, or it did not parse.
/// </summary>
internal readonly record struct CgroupSample
{
    /// <summary>False when the cgroup's directory is in no hierarchy (the unit stopped, the guest is gone).</summary>
    public bool Exists { get; init; }

    public CgroupCpu? Cpu { get; init; }

    public CgroupThrottling? Throttling { get; init; }

    public CgroupMemory? Memory { get; init; }

    public CgroupMemoryEvents? MemoryEvents { get; init; }

    public CgroupIo? Io { get; init; }

    public CgroupPids? Pids { get; init; }

    public PressureLine? CpuPressure { get; init; }

    public PressureLine? MemoryPressure { get; init; }

    public PressureLine? IoPressure { get; init; }
}

/// <summary>CPU time used, in microseconds (v1 nanoseconds and USER_HZ ticks are converted).</summary>
internal readonly record struct CgroupCpu(ulong UsageUsec, ulong? UserUsec, ulong? SystemUsec);

/// <summary>CFS bandwidth control: enforcement periods, how many were throttled, and the time throttled.</summary>
internal readonly record struct CgroupThrottling(ulong Periods, ulong ThrottledPeriods, ulong ThrottledUsec);

/// <summary>Memory charged to the cgroup and its hard limit; a null limit is "max"/unlimited.</summary>
internal readonly record struct CgroupMemory(ulong CurrentBytes, ulong? LimitBytes)
{
    /// <summary>Percent of the limit in use; NaN when unlimited.</summary>
    public double UsedPct => LimitBytes is { } limit && limit > 0 ? 100.0 * CurrentBytes / limit : double.NaN;
}

/// <summary>
/// OOM and limit events. v2 memory.events gives all but UnderOom; v1 gives OomKills (memory.oom_control,
/// kernel 4.13+), UnderOom, and memory.failcnt as LimitHits (times usage hit the limit).
/// </summary>
internal readonly record struct CgroupMemoryEvents(ulong? OomKills, ulong? Ooms, ulong? LimitHits, ulong? HighHits, bool? UnderOom);

/// <summary>Block I/O summed over devices.</summary>
internal readonly record struct CgroupIo(ulong ReadBytes, ulong WriteBytes, ulong ReadOps, ulong WriteOps)
{
    public CgroupIo Plus(CgroupIo other) => new(
        Saturating.Add(ReadBytes, other.ReadBytes), Saturating.Add(WriteBytes, other.WriteBytes),
        Saturating.Add(ReadOps, other.ReadOps), Saturating.Add(WriteOps, other.WriteOps));
}

/// <summary>Tasks in the cgroup and the limit; a null limit is "max".</summary>
internal readonly record struct CgroupPids(ulong Current, ulong? Max);

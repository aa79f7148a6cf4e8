using Warden.Agent.Cgroups;
using Warden.Agent.Procfs;

namespace Warden.Agent.Vms;

/// <summary>
/// A guest's cumulative use at one instant: from its own cgroup when it has a machine scope, else from the
/// QEMU process (/proc/PID/stat, status VmRSS, io). Null parts are no data.
/// </summary>
internal readonly record struct GuestUsage(ulong? CpuUsec, ulong? MemoryBytes, ulong? ReadBytes, ulong? WriteBytes, string Source);

/// <summary>Reads <see cref="GuestUsage"/> for a guest.</summary>
internal sealed class GuestUsageReader(string procRoot, CgroupStatsReader cgroups)
{
    private readonly CgroupFileReader _files = new();
    private readonly Lock _lock = new();

    public GuestUsage Read(RunningGuest guest)
    {
        if (guest.HasOwnCgroup && cgroups.Read(guest.Cgroup!) is { Exists: true } stats)
        {
            return new GuestUsage(stats.Cpu?.UsageUsec, stats.Memory?.CurrentBytes, stats.Io?.ReadBytes, stats.Io?.WriteBytes,
                "cgroup " + stats.Path);
        }
        lock (_lock)
        {
            var dir = Path.Combine(procRoot, guest.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            ulong? cpu = null, rss = null, read = null, write = null;
            if (_files.TryRead(Path.Combine(dir, "stat"), out var stat) && ProcPidStat.TryParse(stat, out _, out var times)
                && times.StartTicks == guest.StartTicks)
            {
                cpu = times.CpuUsec;
            }
            // "VmRSS:	   36772 kB"
            if (_files.TryRead(Path.Combine(dir, "status"), out var status) && FlatKeyed.TryFind(status, "VmRSS"u8, out var rssKb))
            {
                rss = Saturating.Multiply(rssKb, 1024);
            }
            // "read_bytes: 45056" / "write_bytes: 4096"; unreadable without CAP_SYS_PTRACE over the process.
            if (_files.TryRead(Path.Combine(dir, "io"), out var io))
            {
                read = FlatKeyed.TryFind(io, "read_bytes"u8, out var r) ? r : null;
                write = FlatKeyed.TryFind(io, "write_bytes"u8, out var w) ? w : null;
            }
            return new GuestUsage(cpu, rss, read, write, "process " + guest.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

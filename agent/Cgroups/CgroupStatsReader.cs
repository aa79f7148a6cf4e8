using System.Runtime.CompilerServices;
using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Cgroups;

/// <summary>
/// Reads one cgroup's CPU, throttling, memory, memory events, I/O, pids and pressure, in either layout.
/// The reusable entry point: <c>Read("system.slice/nginx.service")</c> for a unit, or <c>Read(membership)</c>
/// for a process whose v1 paths differ per controller. <see cref="Sample"/> is the every-cycle form: a
/// membership's directories are resolved once and kept beside it (dropped with it), files are opened by
/// byte path, and the result is a value, so a warm read allocates nothing. Safe to share between threads.
/// </summary>
internal sealed class CgroupStatsReader(CgroupHierarchy hierarchy)
{
    private readonly CgroupFileReader _files = new();
    private readonly ConditionalWeakTable<CgroupMembership, CgroupDirectories> _resolved = [];
    private readonly List<string> _unparsed = [];
    private readonly Lock _lock = new();

    public CgroupHierarchy Hierarchy { get; } = hierarchy;

    public CgroupStats Read(string cgroupPath) => Read(CgroupMembership.Uniform(cgroupPath));

    public CgroupStats Read(CgroupMembership membership)
    {
        lock (_lock)
        {
            var sample = SampleLocked(membership);
            return new CgroupStats
            {
                Path = membership.Primary,
                Layout = Hierarchy.Layout,
                Sample = sample,
                Unparsed = _unparsed.Count == 0 ? [] : [.. _unparsed],
            };
        }
    }

    /// <summary>The same read as <see cref="Read(CgroupMembership)"/> without the names; allocates nothing once warm.</summary>
    public CgroupSample Sample(CgroupMembership membership)
    {
        lock (_lock)
        {
            return SampleLocked(membership);
        }
    }

    /// <summary>
    /// Whether the cgroup exists now, and how many processes it holds itself (lines of cgroup.procs, its
    /// children not counted; null when unreadable). Reads that one file, and allocates nothing once warm.
    /// </summary>
    public bool TryCountProcesses(CgroupMembership membership, out ulong? processes)
    {
        lock (_lock)
        {
            var dirs = Resolved(membership);
            var dir = Hierarchy.Layout == CgroupLayout.V2 ? Existing(dirs.Unified)
                : Existing(dirs.Pids) ?? Existing(dirs.Memory) ?? Existing(dirs.Cpuacct) ?? Existing(dirs.Cpu) ?? Existing(dirs.Blkio) ?? Existing(dirs.Unified);
            processes = dir is null ? null : CountProcesses(dir);
            return dir is not null;
        }
    }

    private CgroupSample SampleLocked(CgroupMembership membership)
    {
        _unparsed.Clear();
        var dirs = Resolved(membership);
        return Hierarchy.Layout == CgroupLayout.V2 ? ReadV2(dirs) : ReadV1(dirs);
    }

    private CgroupDirectories Resolved(CgroupMembership membership)
    {
        if (!_resolved.TryGetValue(membership, out var dirs))
        {
            dirs = CgroupDirectories.Resolve(Hierarchy, membership);
            _resolved.AddOrUpdate(membership, dirs);
        }
        return dirs;
    }

    private CgroupSample ReadV2(CgroupDirectories dirs)
    {
        var dir = Existing(dirs.Unified);
        if (dir is null)
        {
            return default;
        }
        CgroupCpu? cpu = null;
        CgroupThrottling? throttling = null;
        if (_files.TryRead(dir, "cpu.stat"u8, out var text))
        {
            if (CgroupFileParsers.TryParseCpuStatV2(text, out var c, out throttling))
            {
                cpu = c;
            }
            else
            {
                Unparsed(dir, "cpu.stat"u8);
            }
        }
        return new CgroupSample
        {
            Exists = true,
            Cpu = cpu,
            Throttling = throttling,
            Memory = ReadMemory(dir, "memory.current"u8, "memory.max"u8, CgroupFileParsers.TryParseLimit),
            MemoryEvents = Parse<CgroupMemoryEvents>(dir, "memory.events"u8, CgroupFileParsers.TryParseMemoryEventsV2),
            Io = Parse<CgroupIo>(dir, "io.stat"u8, static (t, out io) => IoStatParser.TryParse(t, out io)),
            Pids = ReadPids(dir),
            CpuPressure = Parse<PressureLine>(dir, "cpu.pressure"u8, PressureParser.TryParseSome),
            MemoryPressure = Parse<PressureLine>(dir, "memory.pressure"u8, PressureParser.TryParseSome),
            IoPressure = Parse<PressureLine>(dir, "io.pressure"u8, PressureParser.TryParseSome),
        };
    }

    private CgroupSample ReadV1(CgroupDirectories dirs)
    {
        byte[]? cpuacct = Existing(dirs.Cpuacct), cpu = Existing(dirs.Cpu), memory = Existing(dirs.Memory),
            blkio = Existing(dirs.Blkio), pids = Existing(dirs.Pids), unified = Existing(dirs.Unified);
        CgroupIo? io = null;
        if (blkio is not null && Parse<(ulong Read, ulong Write)>(blkio, "blkio.throttle.io_service_bytes"u8, Blkio) is { } bytes
            && Parse<(ulong Read, ulong Write)>(blkio, "blkio.throttle.io_serviced"u8, Blkio) is { } ops)
        {
            io = new CgroupIo(bytes.Read, bytes.Write, ops.Read, ops.Write);
        }
        CgroupMemoryEvents? events = null;
        if (memory is not null && Parse<CgroupMemoryEvents>(memory, "memory.oom_control"u8, CgroupFileParsers.TryParseOomControlV1) is { } oom)
        {
            events = oom with { LimitHits = Single(memory, "memory.failcnt"u8) };
        }
        return new CgroupSample
        {
            Exists = (cpuacct ?? cpu ?? memory ?? blkio ?? pids ?? unified) is not null,
            Cpu = cpuacct is null ? null : ReadCpuV1(cpuacct),
            Throttling = cpu is null ? null : Parse<CgroupThrottling>(cpu, "cpu.stat"u8, CgroupFileParsers.TryParseCpuStatV1),
            Memory = memory is null ? null : ReadMemory(memory, "memory.usage_in_bytes"u8, "memory.limit_in_bytes"u8, CgroupFileParsers.TryParseLimitV1),
            MemoryEvents = events,
            Io = io,
            Pids = pids is null ? null : ReadPids(pids),
            CpuPressure = unified is null ? null : Parse<PressureLine>(unified, "cpu.pressure"u8, PressureParser.TryParseSome),
            MemoryPressure = unified is null ? null : Parse<PressureLine>(unified, "memory.pressure"u8, PressureParser.TryParseSome),
            IoPressure = unified is null ? null : Parse<PressureLine>(unified, "io.pressure"u8, PressureParser.TryParseSome),
        };
    }

    /// <summary>The directory when it exists now: a stopped unit or guest leaves its cached path pointing nowhere.</summary>
    private byte[]? Existing(byte[]? dir) => dir is not null && _files.Exists(dir) ? dir : null;

    /// <summary>cgroup.procs lists one PID a line.</summary>
    private ulong? CountProcesses(byte[] dir)
    {
        if (!_files.TryRead(dir, "cgroup.procs"u8, out var text))
        {
            return null;
        }
        var lines = (ulong)text.Count((byte)'\n');
        return text.IsEmpty || text[^1] == '\n' ? lines : lines + 1;
    }

    private static bool Blkio(ReadOnlySpan<byte> text, out (ulong Read, ulong Write) value)
    {
        var ok = BlkioParser.TryParse(text, out var read, out var write);
        value = (read, write);
        return ok;
    }

    private CgroupCpu? ReadCpuV1(byte[] dir)
    {
        // cpuacct.usage counts nanoseconds; cpuacct.stat "user N\nsystem N" counts USER_HZ (100 Hz) ticks.
        if (Single(dir, "cpuacct.usage"u8) is not { } usageNs)
        {
            return null;
        }
        var ticks = Parse<(ulong User, ulong System)>(dir, "cpuacct.stat"u8, CgroupFileParsers.TryParseCpuacctStat);
        return new CgroupCpu(usageNs / 1000,
            ticks is { } t ? Saturating.Multiply(t.User, 10_000) : null, ticks is { } s ? Saturating.Multiply(s.System, 10_000) : null);
    }

    /// <summary>A missing limit file (the root cgroup) or "max" is no limit.</summary>
    private CgroupMemory? ReadMemory(byte[] dir, ReadOnlySpan<byte> currentFile, ReadOnlySpan<byte> limitFile, CgroupFileParsers.Parser<ulong> limitParser)
    {
        if (Single(dir, currentFile) is not { } current)
        {
            return null;
        }
        var limit = Parse<ulong>(dir, limitFile, limitParser);
        return new CgroupMemory(current, limit == ulong.MaxValue ? null : limit);
    }

    private CgroupPids? ReadPids(byte[] dir)
    {
        if (Single(dir, "pids.current"u8) is not { } current)
        {
            return null;
        }
        var max = Parse<ulong>(dir, "pids.max"u8, CgroupFileParsers.TryParseLimit);
        return new CgroupPids(current, max == ulong.MaxValue ? null : max);
    }

    private ulong? Single(byte[] dir, ReadOnlySpan<byte> file) => Parse<ulong>(dir, file, CgroupFileParsers.TryParseCount);

    private T? Parse<T>(byte[] dir, ReadOnlySpan<byte> file, CgroupFileParsers.Parser<T> parser) where T : struct
    {
        if (!_files.TryRead(dir, file, out var text))
        {
            return null;
        }
        if (parser(text, out var value))
        {
            return value;
        }
        Unparsed(dir, file);
        return null;
    }

    /// <summary>Named only for a file that did not parse, so the steady state builds no strings.</summary>
    private void Unparsed(byte[] dir, ReadOnlySpan<byte> file) =>
        _unparsed.Add(Encoding.UTF8.GetString(dir) + "/" + Encoding.UTF8.GetString(file));
}

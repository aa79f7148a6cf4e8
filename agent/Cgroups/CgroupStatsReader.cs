using Warden.Agent.Procfs;

namespace Warden.Agent.Cgroups;

/// <summary>
/// Reads one cgroup's CPU, throttling, memory, memory events, I/O, pids and pressure, in either layout.
/// The reusable entry point for checks: <c>Read("system.slice/nginx.service")</c> for a unit, or
/// <c>Read(membership)</c> for a process whose v1 paths differ per controller. Safe to share between threads.
/// </summary>
internal sealed class CgroupStatsReader(CgroupHierarchy hierarchy)
{
    private readonly CgroupFileReader _files = new();
    private readonly Lock _lock = new();

    public CgroupHierarchy Hierarchy { get; } = hierarchy;

    public CgroupStats Read(string cgroupPath) => Read(CgroupMembership.Uniform(cgroupPath));

    public CgroupStats Read(CgroupMembership membership)
    {
        lock (_lock)
        {
            var pass = new ReadPass(_files, Hierarchy, membership);
            return Hierarchy.Layout == CgroupLayout.V2 ? pass.ReadV2() : pass.ReadV1();
        }
    }

    /// <summary>One read of one cgroup; collects the files that did not parse.</summary>
    private sealed class ReadPass(CgroupFileReader files, CgroupHierarchy hierarchy, CgroupMembership membership)
    {
        private List<string>? _unparsed;

        public CgroupStats ReadV2()
        {
            var dir = hierarchy.DirectoryOf("", membership.UnifiedPath ?? "");
            if (dir is null || !Directory.Exists(dir))
            {
                return new CgroupStats { Path = membership.Primary, Layout = hierarchy.Layout };
            }
            CgroupCpu? cpu = null;
            CgroupThrottling? throttling = null;
            if (Read(dir, "cpu.stat", out var text))
            {
                if (CgroupFileParsers.TryParseCpuStatV2(text, out var c, out throttling))
                {
                    cpu = c;
                }
                else
                {
                    Unparsed(dir, "cpu.stat");
                }
            }
            return new CgroupStats
            {
                Path = membership.Primary,
                Layout = hierarchy.Layout,
                Exists = true,
                Cpu = cpu,
                Throttling = throttling,
                Memory = ReadMemory(dir, "memory.current", dir, "memory.max", CgroupFileParsers.TryParseLimit),
                MemoryEvents = Parse<CgroupMemoryEvents>(dir, "memory.events", CgroupFileParsers.TryParseMemoryEventsV2),
                Io = Parse<CgroupIo>(dir, "io.stat", (t, out io) => IoStatParser.TryParse(t, out io)),
                Pids = ReadPids(dir),
                CpuPressure = Parse<PressureLine>(dir, "cpu.pressure", PressureParser.TryParseSome),
                MemoryPressure = Parse<PressureLine>(dir, "memory.pressure", PressureParser.TryParseSome),
                IoPressure = Parse<PressureLine>(dir, "io.pressure", PressureParser.TryParseSome),
                Unparsed = _unparsed ?? (IReadOnlyList<string>)[],
            };
        }

        public CgroupStats ReadV1()
        {
            string? Dir(string controller)
            {
                var path = membership.PathFor(controller);
                var dir = path is null ? null : hierarchy.DirectoryOf(controller, path);
                return dir is not null && Directory.Exists(dir) ? dir : null;
            }
            string? cpuacct = Dir("cpuacct"), cpu = Dir("cpu"), memory = Dir("memory"), blkio = Dir("blkio"), pids = Dir("pids");
            var unified = hierarchy.Layout == CgroupLayout.Hybrid ? Dir(CgroupHierarchy.Unified) : null;
            CgroupIo? io = null;
            if (blkio is not null && Parse<(ulong Read, ulong Write)>(blkio, "blkio.throttle.io_service_bytes", Blkio) is { } bytes
                && Parse<(ulong Read, ulong Write)>(blkio, "blkio.throttle.io_serviced", Blkio) is { } ops)
            {
                io = new CgroupIo(bytes.Read, bytes.Write, ops.Read, ops.Write);
            }
            CgroupMemoryEvents? events = null;
            if (memory is not null && Parse<CgroupMemoryEvents>(memory, "memory.oom_control", CgroupFileParsers.TryParseOomControlV1) is { } oom)
            {
                events = oom with { LimitHits = Single(memory, "memory.failcnt") };
            }
            return new CgroupStats
            {
                Path = membership.Primary,
                Layout = hierarchy.Layout,
                Exists = (cpuacct ?? cpu ?? memory ?? blkio ?? pids ?? unified) is not null,
                Cpu = cpuacct is null ? null : ReadCpuV1(cpuacct),
                Throttling = cpu is null ? null : Parse<CgroupThrottling>(cpu, "cpu.stat", CgroupFileParsers.TryParseCpuStatV1),
                Memory = memory is null ? null
                    : ReadMemory(memory, "memory.usage_in_bytes", memory, "memory.limit_in_bytes", CgroupFileParsers.TryParseLimitV1),
                MemoryEvents = events,
                Io = io,
                Pids = pids is null ? null : ReadPids(pids),
                CpuPressure = unified is null ? null : Parse<PressureLine>(unified, "cpu.pressure", PressureParser.TryParseSome),
                MemoryPressure = unified is null ? null : Parse<PressureLine>(unified, "memory.pressure", PressureParser.TryParseSome),
                IoPressure = unified is null ? null : Parse<PressureLine>(unified, "io.pressure", PressureParser.TryParseSome),
                Unparsed = _unparsed ?? (IReadOnlyList<string>)[],
            };
        }

        private static bool Blkio(ReadOnlySpan<byte> text, out (ulong Read, ulong Write) value)
        {
            var ok = BlkioParser.TryParse(text, out var read, out var write);
            value = (read, write);
            return ok;
        }

        private CgroupCpu? ReadCpuV1(string dir)
        {
            // cpuacct.usage counts nanoseconds; cpuacct.stat "user N\nsystem N" counts USER_HZ (100 Hz) ticks.
            if (Single(dir, "cpuacct.usage") is not { } usageNs)
            {
                return null;
            }
            var ticks = Parse<(ulong User, ulong System)>(dir, "cpuacct.stat", CgroupFileParsers.TryParseCpuacctStat);
            return new CgroupCpu(usageNs / 1000,
                ticks is { } t ? Saturating.Multiply(t.User, 10_000) : null, ticks is { } s ? Saturating.Multiply(s.System, 10_000) : null);
        }

        /// <summary>A missing limit file (the root cgroup) or "max" is no limit.</summary>
        private CgroupMemory? ReadMemory(string dir, string currentFile, string limitDir, string limitFile, CgroupFileParsers.Parser<ulong> limitParser)
        {
            if (Single(dir, currentFile) is not { } current)
            {
                return null;
            }
            var limit = Parse<ulong>(limitDir, limitFile, limitParser);
            return new CgroupMemory(current, limit == ulong.MaxValue ? null : limit);
        }

        private CgroupPids? ReadPids(string dir)
        {
            if (Single(dir, "pids.current") is not { } current)
            {
                return null;
            }
            var max = Parse<ulong>(dir, "pids.max", CgroupFileParsers.TryParseLimit);
            return new CgroupPids(current, max == ulong.MaxValue ? null : max);
        }

        private ulong? Single(string dir, string file) => Parse<ulong>(dir, file, CgroupFileParsers.TryParseCount);

        private T? Parse<T>(string dir, string file, CgroupFileParsers.Parser<T> parser) where T : struct
        {
            if (!Read(dir, file, out var text))
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

        private bool Read(string dir, string file, out ReadOnlySpan<byte> text) => files.TryRead(Path.Combine(dir, file), out text);

        private void Unparsed(string dir, string file) => (_unparsed ??= []).Add(Path.Combine(dir, file));
    }
}

using Warden.Agent.Cgroups;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Cgroups;

/// <summary>Every supported controller file in both real fixture trees parses, and named cgroups read exactly.</summary>
public class CgroupFixtureTreeTests
{
    private delegate bool FileCheck(ReadOnlySpan<byte> text);

    private static readonly Dictionary<string, FileCheck> V2Files = new()
    {
        ["cpu.stat"] = t => CgroupFileParsers.TryParseCpuStatV2(t, out _, out _),
        ["memory.current"] = t => CgroupFileParsers.TryParseCount(t, out _),
        ["memory.max"] = t => CgroupFileParsers.TryParseLimit(t, out _),
        ["memory.events"] = t => CgroupFileParsers.TryParseMemoryEventsV2(t, out _),
        ["io.stat"] = t => IoStatParser.TryParse(t, out _),
        ["pids.current"] = t => CgroupFileParsers.TryParseCount(t, out _),
        ["pids.max"] = t => CgroupFileParsers.TryParseLimit(t, out _),
        ["cpu.pressure"] = t => PressureParser.TryParse(t, out var pressure) && pressure.Full is not null,
        ["memory.pressure"] = t => PressureParser.TryParse(t, out var pressure) && pressure.Full is not null,
        ["io.pressure"] = t => PressureParser.TryParse(t, out var pressure) && pressure.Full is not null,
    };

    private static readonly Dictionary<string, FileCheck> V1Files = new()
    {
        ["cpu.stat"] = t => CgroupFileParsers.TryParseCpuStatV1(t, out _),
        ["cpuacct.usage"] = t => CgroupFileParsers.TryParseCount(t, out _),
        ["cpuacct.stat"] = t => CgroupFileParsers.TryParseCpuacctStat(t, out _),
        ["memory.usage_in_bytes"] = t => CgroupFileParsers.TryParseCount(t, out _),
        ["memory.limit_in_bytes"] = t => CgroupFileParsers.TryParseLimitV1(t, out _),
        ["memory.oom_control"] = t => CgroupFileParsers.TryParseOomControlV1(t, out _),
        ["memory.failcnt"] = t => CgroupFileParsers.TryParseCount(t, out _),
        ["blkio.throttle.io_service_bytes"] = t => BlkioParser.TryParse(t, out _, out _),
        ["blkio.throttle.io_serviced"] = t => BlkioParser.TryParse(t, out _, out _),
        ["pids.current"] = t => CgroupFileParsers.TryParseCount(t, out _),
        ["pids.max"] = t => CgroupFileParsers.TryParseLimit(t, out _),
    };

    [Theory]
    [InlineData(TestTrees.Cgroup2Host, 4, 29)]
    [InlineData(TestTrees.Cgroup1Host, 17, 37)]
    public void Every_supported_file_in_every_cgroup_parses(string host, int directories, int files)
    {
        var root = CgroupFixtures.Root(host);
        var reader = CgroupFixtures.Reader(host);
        var dirs = Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Prepend(root).ToList();
        var parsed = 0;
        foreach (var dir in dirs)
        {
            var relative = Path.GetRelativePath(root, dir).Replace('\\', '/');
            var isV2 = host == TestTrees.Cgroup2Host || relative == "unified" || relative.StartsWith("unified/", StringComparison.Ordinal);
            foreach (var file in Directory.GetFiles(dir))
            {
                var name = Path.GetFileName(file);
                // The v1 pressure files live only in the unified (v2) hierarchy of a hybrid host.
                if ((isV2 ? V2Files : V1Files).TryGetValue(name, out var check))
                {
                    Assert.True(check(File.ReadAllBytes(file)), $"{file} did not parse");
                    parsed++;
                }
            }
            if (host == TestTrees.Cgroup2Host)
            {
                Assert.Empty(reader.Read(relative == "." ? "" : relative).Unparsed);
            }
        }
        Assert.Equal(directories, dirs.Count);
        Assert.Equal(files, parsed);
    }

    [Fact]
    public void Every_v1_cgroup_path_reads_without_unparsed_files()
    {
        var reader = CgroupFixtures.Reader(TestTrees.Cgroup1Host);
        var memoryRoot = Path.Combine(CgroupFixtures.Root(TestTrees.Cgroup1Host), "memory");
        foreach (var dir in Directory.GetDirectories(memoryRoot, "*", SearchOption.AllDirectories).Prepend(memoryRoot))
        {
            var relative = Path.GetRelativePath(memoryRoot, dir);
            var stats = reader.Read(relative == "." ? "" : relative);
            Assert.True(stats.Exists);
            Assert.NotNull(stats.Memory);
            Assert.NotNull(stats.MemoryEvents);
            Assert.Empty(stats.Unparsed);
        }
    }

    [Fact]
    public void V2_system_slice_reads_exactly()
    {
        var s = CgroupFixtures.Reader(TestTrees.Cgroup2Host).Read("/system.slice");
        Assert.Equal(CgroupLayout.V2, s.Layout);
        Assert.Equal(new CgroupCpu(2211270, 622156, 1589113), s.Cpu);
        Assert.Equal(new CgroupThrottling(0, 0, 0), s.Throttling);
        Assert.Equal(new CgroupMemory(803696640, 137438953472), s.Memory);
        Assert.Equal(new CgroupMemoryEvents(0, 0, 0, 0, null), s.MemoryEvents);
        Assert.Equal(new CgroupIo(646836224 + 35180544, 208896, 1147 + 1048, 24), s.Io);
        Assert.Equal(new CgroupPids(34, null), s.Pids);
        Assert.Equal(new PressureLine(5.10, 0.94, 0.19, 609892), s.IoPressure);
        Assert.Equal(3166UL, s.CpuPressure!.Value.TotalMicroseconds);
    }

    [Fact]
    public void V2_leaf_without_cpu_controller_has_usage_but_no_throttling()
    {
        var s = CgroupFixtures.Reader(TestTrees.Cgroup2Host).Read("system.slice/app.service");
        Assert.Equal(new CgroupCpu(188865, 42924, 145941), s.Cpu);
        Assert.Null(s.Throttling);
        Assert.Equal(new CgroupMemory(9682944, null), s.Memory);
        Assert.True(double.IsNaN(s.Memory!.Value.UsedPct));
        Assert.Null(s.Pids);
        Assert.Null(s.Io);
    }

    [Fact]
    public void V2_root_sums_io_including_bare_devices()
    {
        var s = CgroupFixtures.Reader(TestTrees.Cgroup2Host).Read("");
        Assert.Equal(new CgroupIo(127950848UL + 658875392, 253952, 2305 + 2858, 36), s.Io);
        Assert.Equal(5214933UL, s.Cpu!.Value.UsageUsec);
        Assert.Null(s.Memory);
        Assert.Equal(0.61, s.CpuPressure!.Value.Avg10);
    }

    [Fact]
    public void V1_hybrid_root_converts_units_and_reads_pressure_from_unified()
    {
        var s = CgroupFixtures.Reader(TestTrees.Cgroup1Host).Read("/");
        Assert.Equal(CgroupLayout.Hybrid, s.Layout);
        Assert.Equal(new CgroupCpu(345209162, 26584UL * 10_000, 7935UL * 10_000), s.Cpu);
        Assert.Equal(new CgroupThrottling(0, 0, 0), s.Throttling);
        Assert.Equal(new CgroupMemory(1475801088, null), s.Memory);
        Assert.Equal(new CgroupIo(0, 0, 0, 0), s.Io);
        Assert.Null(s.Pids);
        Assert.Equal(new PressureLine(40.55, 19.88, 11.78, 58807529), s.CpuPressure);
    }

    [Fact]
    public void V1_service_reads_memory_and_events_and_nothing_it_lacks()
    {
        var s = CgroupFixtures.Reader(TestTrees.Cgroup1Host).Read("system.slice/svc-1.service");
        Assert.True(s.Exists);
        Assert.Equal(new CgroupMemory(1238376448, null), s.Memory);
        Assert.Equal(new CgroupMemoryEvents(0, null, 0, null, false), s.MemoryEvents);
        Assert.Null(s.Cpu);
        Assert.Null(s.CpuPressure);
        Assert.False(CgroupFixtures.Reader(TestTrees.Cgroup1Host).Read("system.slice/gone.service").Exists);
    }

    [Theory]
    [InlineData(TestTrees.Cgroup2Host, "agent.service,app.service")]
    [InlineData(TestTrees.Cgroup1Host, "app.service,svc-1.service,svc-2.service,svc-3.service,svc-4.service")]
    public void Services_under_system_slice_are_enumerated_in_both_layouts(string host, string expected)
    {
        var children = CgroupFixtures.Reader(host).Hierarchy.Children("system.slice", ".service");
        Assert.Equal(expected.Split(',').Select(n => "system.slice/" + n), children);
        Assert.Empty(CgroupFixtures.Reader(host).Hierarchy.Children("machine.slice", ".scope"));
    }
}

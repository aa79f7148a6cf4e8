using System.Text;
using Warden.Agent.Cgroups;
using Warden.Agent.Checks;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Cgroups;

public class CgroupAdversarialTests
{
    [Theory]
    [InlineData("")]
    [InlineData("usage_usec")]
    [InlineData("usage_usec 12x\n")]
    [InlineData("usage_usec 1 2\n")]
    [InlineData("user_usec 5\n")]
    [InlineData("usage_usec 99999999999999999999999\n")]
    public void Truncated_or_garbage_cpu_stat_is_rejected(string text) =>
        Assert.False(CgroupFileParsers.TryParseCpuStatV2(Encoding.ASCII.GetBytes(text), out _, out _));

    [Fact]
    public void Max_and_absurd_values_are_read_as_the_kernel_means_them()
    {
        Assert.True(CgroupFileParsers.TryParseLimit("max\n"u8, out var max));
        Assert.Equal(ulong.MaxValue, max);
        Assert.False(CgroupFileParsers.TryParseCount("max\n"u8, out _));
        Assert.True(CgroupFileParsers.TryParseLimitV1("9223372036854771712\n"u8, out var v1));
        Assert.Equal(ulong.MaxValue, v1);
        Assert.True(CgroupFileParsers.TryParseLimitV1("9223372036854710272\n"u8, out var arm64));
        Assert.Equal(ulong.MaxValue, arm64);
        Assert.True(CgroupFileParsers.TryParseLimitV1("536870912\n"u8, out var half));
        Assert.Equal(536870912UL, half);
        Assert.False(CgroupFileParsers.TryParseLimit("-1\n"u8, out _));
        Assert.False(CgroupFileParsers.TryParseLimit("12 34\n"u8, out _));
    }

    [Theory]
    [InlineData("8:0 rbytes=1 wbytes=2 rios=x wios=4\n")]
    [InlineData("sda rbytes=1\n")]
    [InlineData("8: rbytes=1\n")]
    [InlineData("8:0 rbytes\n")]
    [InlineData("8:0 rbytes=\n")]
    public void Garbage_io_stat_is_rejected(string text) =>
        Assert.False(IoStatParser.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void Io_stat_saturates_and_skips_unknown_keys_and_lists_devices()
    {
        var devices = new List<DeviceIo>();
        var text = "8:0 rbytes=18446744073709551615 wbytes=1 rios=1 wios=1 cost.vrate=99.5\n8:16 rbytes=5 wbytes=0 rios=0 wios=0\n7:0 \n"u8;
        Assert.True(IoStatParser.TryParse(text, out var total, devices));
        Assert.Equal(ulong.MaxValue, total.ReadBytes);
        Assert.Equal([8u, 8u, 7u], devices.Select(d => d.Major));
        Assert.Equal(new CgroupIo(0, 0, 0, 0), devices[2].Io);
    }

    [Fact]
    public void Blkio_sums_read_and_write_per_device_and_rejects_garbage()
    {
        var text = "8:0 Read 100\n8:0 Write 20\n8:0 Sync 120\n8:0 Async 0\n8:0 Discard 0\n8:0 Total 120\n8:16 Read 1\nTotal 121\n"u8;
        Assert.True(BlkioParser.TryParse(text, out var read, out var write));
        Assert.Equal((101UL, 20UL), (read, write));
        Assert.False(BlkioParser.TryParse("8:0 Read\n"u8, out _, out _));
        Assert.False(BlkioParser.TryParse("Total many\n"u8, out _, out _));
    }

    [Theory]
    [InlineData("some avg10=0.61 avg60=0.58 avg300=0.15\n")]
    [InlineData("some avg10=abc avg60=0.58 avg300=0.15 total=1\n")]
    [InlineData("some avg10=101 avg60=0.58 avg300=0.15 total=1\n")]
    [InlineData("full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n")]
    [InlineData("most avg10=0.00 avg60=0.00 avg300=0.00 total=0\n")]
    [InlineData("")]
    public void Garbage_pressure_is_rejected(string text) =>
        Assert.False(PressureParser.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void A_garbage_file_in_a_tree_is_named_as_unparsed_and_the_rest_still_reads()
    {
        using var scratch = TestTrees.Scratch();
        var dir = Directory.CreateDirectory(Path.Combine(scratch.Path, "cgroup", "machine.slice", "machine-qemu\\x2d1\\x2dvm1.scope")).FullName;
        File.WriteAllText(Path.Combine(scratch.Path, "cgroup", "cgroup.controllers"), "cpu memory io pids\n");
        File.WriteAllText(Path.Combine(dir, "cpu.stat"), "usage_usec 10\nnr_periods 4\nnr_thr");
        File.WriteAllText(Path.Combine(dir, "memory.current"), "1048576\n");
        File.WriteAllText(Path.Combine(dir, "memory.max"), "2097152\n");
        File.WriteAllText(Path.Combine(dir, "memory.events"), "");
        File.WriteAllText(Path.Combine(dir, "pids.current"), "\0\0\0");
        var reader = new CgroupStatsReader(CgroupHierarchy.Open(HostPaths.Fixture(scratch.Path)));
        var stats = reader.Read("machine.slice/machine-qemu\\x2d1\\x2dvm1.scope");
        Assert.True(stats.Exists);
        Assert.Null(stats.Cpu);
        Assert.Equal(50.0, stats.Memory!.Value.UsedPct);
        Assert.Null(stats.MemoryEvents);
        Assert.Null(stats.Pids);
        Assert.Equal(["cpu.stat", "memory.events", "pids.current"], stats.Unparsed.Select(Path.GetFileName));
        Assert.Equal(["machine.slice/machine-qemu\\x2d1\\x2dvm1.scope"], reader.Hierarchy.Children("machine.slice", ".scope"));
    }

    [Fact]
    public void A_path_that_climbs_out_of_the_root_reads_nothing()
    {
        var stats = CgroupFixtures.Reader(TestTrees.Cgroup2Host).Read("system.slice/../../proc");
        Assert.False(stats.Exists);
        Assert.Null(CgroupHierarchy.Normalize("../etc"));
    }

    [Theory]
    [InlineData("4:memory:/machine.slice/x.scope\n2:cpu,cpuacct:/y\n1:name=systemd:/z\n0::/u\n", "memory", "/machine.slice/x.scope")]
    [InlineData("4:memory:/machine.slice/x.scope\n2:cpu,cpuacct:/y\n1:name=systemd:/z\n0::/u\n", "cpuacct", "/y")]
    [InlineData("4:memory:/machine.slice/x.scope\n2:cpu,cpuacct:/y\n1:name=systemd:/z\n0::/u\n", "pids", "/u")]
    public void Proc_pid_cgroup_gives_each_controller_its_path(string text, string controller, string expected)
    {
        Assert.True(CgroupMembership.TryParse(Encoding.ASCII.GetBytes(text), out var membership));
        Assert.Equal(expected, membership.PathFor(controller));
    }

    [Fact]
    public void A_libvirt_emulator_cgroup_is_read_at_its_machine_scope()
    {
        var text = "0::/machine.slice/machine-qemu\\x2d1\\x2dvm.scope/libvirt/emulator\n"u8;
        Assert.True(CgroupMembership.TryParse(text, out var membership));
        Assert.Equal("machine.slice/machine-qemu\\x2d1\\x2dvm.scope", membership.AtScope().PathFor("memory"));
        Assert.Equal("machine.slice/machine-qemu\\x2d1\\x2dvm.scope", membership.AtScope().Primary);
    }

    [Fact]
    public void Garbage_proc_pid_cgroup_is_rejected()
    {
        Assert.False(CgroupMembership.TryParse("garbage\n"u8, out _));
        Assert.False(CgroupMembership.TryParse(""u8, out _));
    }

    [Fact]
    public void This_machines_live_cgroup_for_the_test_process_reads()
    {
        Assert.True(CgroupMembership.TryParse(File.ReadAllBytes("/proc/self/cgroup"), out var membership));
        var reader = new CgroupStatsReader(CgroupHierarchy.Open(HostPaths.Live));
        Assert.Equal(CgroupLayout.Hybrid, reader.Hierarchy.Layout);
        var stats = reader.Read(membership);
        Assert.True(stats.Exists);
        Assert.Empty(stats.Unparsed);
        Assert.InRange(stats.Memory!.Value.CurrentBytes, 1UL, ulong.MaxValue);
        Assert.InRange(stats.Cpu!.Value.UsageUsec, 1UL, ulong.MaxValue);
        Assert.NotNull(stats.Throttling);
        Assert.NotNull(stats.CpuPressure);
    }
}

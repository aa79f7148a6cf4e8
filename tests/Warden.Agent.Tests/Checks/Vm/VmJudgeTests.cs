using Warden.Agent.Cgroups;
using Warden.Agent.Checks.Vm;
using Warden.Agent.Checks;
using Warden.Agent.Procfs;
using Warden.Agent.Vms;

namespace Warden.Agent.Tests.Checks.Vm;

public class VmJudgeTests
{
    private static readonly Threshold Throttle = new(10, 30);
    private static readonly Threshold Memory = new(90, 97);

    [Fact]
    public void Expected_guest_not_running_is_a_failed_start()
    {
        var crit = VmExpectedRunningCheck.Judge("db", null);
        Assert.Equal(CheckStatus.Crit, crit.Status);
        Assert.Equal("failed start: guest db is expected but not running", crit.Reason);
        var ok = VmExpectedRunningCheck.Judge("db", new RunningGuest("db", null, 42, 0, null));
        Assert.Equal(CheckStatus.Ok, ok.Status);
        Assert.Contains("pid 42", ok.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 5, "Ok", 5.0)]
    [InlineData(100, 10, "Warn", 10.0)]
    [InlineData(200, 60, "Crit", 30.0)]
    [InlineData(0, 0, "Ok", 0.0)]
    [InlineData(10, 50, "Crit", 100.0)]
    public void Throttling_is_judged_over_the_interval(ulong periods, ulong throttled, string status, double pct)
    {
        var before = new CgroupThrottling(1000, 100, 0);
        var now = new CgroupThrottling(1000 + periods, 100 + throttled, 0);
        var result = VmCpuThrottlingCheck.Judge("g", before, now, Throttle);
        Assert.Equal(status, result.Status.ToString());
        Assert.Equal(pct, result.Value, 9);
    }

    [Fact]
    public void Throttling_without_data_or_a_first_sample_is_unknown_and_a_reset_counter_is_not_a_spike()
    {
        Assert.Equal(CheckStatus.Unknown, VmCpuThrottlingCheck.Judge("g", null, null, Throttle).Status);
        Assert.Equal(CheckStatus.Unknown, VmCpuThrottlingCheck.Judge("g", null, new CgroupThrottling(1, 1, 1), Throttle).Status);
        var reset = VmCpuThrottlingCheck.Judge("g", new CgroupThrottling(1000, 900, 0), new CgroupThrottling(10, 0, 0), Throttle);
        Assert.Equal(CheckStatus.Ok, reset.Status);
    }

    [Fact]
    public void Memory_is_judged_against_the_limit_or_psi_when_unlimited()
    {
        var mib = 1024UL * 1024;
        Assert.Equal(CheckStatus.Ok, VmMemoryPressureCheck.Judge("g", new CgroupMemory(50 * mib, 100 * mib), null, Memory).Status);
        var warn = VmMemoryPressureCheck.Judge("g", new CgroupMemory(91 * mib, 100 * mib), null, Memory);
        Assert.Equal((CheckStatus.Warn, 91.0), (warn.Status, warn.Value));
        Assert.Equal(CheckStatus.Crit, VmMemoryPressureCheck.Judge("g", new CgroupMemory(99 * mib, 100 * mib), null, Memory).Status);
        var unlimited = VmMemoryPressureCheck.Judge("g", new CgroupMemory(512 * mib, null), null, Memory);
        Assert.Equal(CheckStatus.Ok, unlimited.Status);
        Assert.Equal("guest g: 512 MiB, no memory limit", unlimited.Reason);
        var thrashing = VmMemoryPressureCheck.Judge("g", new CgroupMemory(512 * mib, null), new PressureLine(98, 50, 20, 1), Memory);
        Assert.Equal((CheckStatus.Crit, 98.0), (thrashing.Status, thrashing.Value));
        Assert.Equal(CheckStatus.Unknown, VmMemoryPressureCheck.Judge("g", null, null, Memory).Status);
    }

    [Fact]
    public void Options_defaults_are_valid_and_problems_name_their_keys()
    {
        var options = new VmCheckOptions();
        Assert.Empty(options.Problems());
        Assert.Equal((10.0, 30.0), (options.CpuThrottling.Warn, options.CpuThrottling.Crit));
        Assert.Equal((90.0, 97.0), (options.MemoryPressure.Warn, options.MemoryPressure.Crit));
        Assert.Empty(options.ExpectedGuests);
        options.CpuThrottling.Warn = 150;
        options.MemoryPressure.IntervalSeconds = 0;
        options.ExpectedGuests = ["ok", " "];
        var problems = options.Problems().ToList();
        Assert.Contains(problems, p => p.StartsWith("Checks:Vm:CpuThrottling:Warn: 150", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Vm:MemoryPressure:IntervalSeconds", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Vm:ExpectedGuests:1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_set_holds_only_enabled_checks()
    {
        var options = new VmCheckOptions();
        var paths = HostPaths.Fixture(Path.Combine(TestTrees.FixtureRoot, TestTrees.Cgroup2Host));
        Assert.Equal(["vm_expected_running", "vm_cpu_throttling", "vm_memory_pressure"],
            VmCheckSet.Create(options, paths, TimeProvider.System).Select(c => c.Name));
        options.CpuThrottling.Enabled = false;
        Assert.Equal(["vm_expected_running", "vm_memory_pressure"], VmCheckSet.Create(options, paths, TimeProvider.System).Select(c => c.Name));
    }

    [Fact]
    public async Task Libvirt_defined_guests_are_expected_and_the_configured_list_comes_first()
    {
        using var scratch = TestTrees.Scratch();
        File.WriteAllText(scratch.File("db.xml"), "<domain type='kvm'><name>db</name><uuid>bbbbbbbb-2222-3333-4444-555555555555</uuid></domain>");
        File.WriteAllText(scratch.File("web.xml"), "<domain type='kvm'><name>web</name></domain>");
        var options = new VmCheckOptions { ExpectedGuests = ["web", "legacy"], LibvirtConfigDirectory = scratch.Path };
        var paths = HostPaths.Fixture(Path.Combine(TestTrees.FixtureRoot, TestTrees.Cgroup2Host));
        var check = VmCheckSet.Create(options, paths, TimeProvider.System).OfType<VmExpectedRunningCheck>().Single();
        Assert.Equal(["web", "legacy", "db"], check.ExpectedGuests());
        var results = new List<CheckOutcome>();
        await check.EvaluateAsync(results, CancellationToken.None);
        Assert.All(results, r => Assert.Equal(CheckStatus.Crit, r.Result.Status));
        Assert.Equal(["vm_expected_running:web", "vm_expected_running:legacy", "vm_expected_running:db"], results.Select(r => r.Key));
    }
}

using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Service;
using Warden.Agent.Checks.SystemChecks;
using Warden.Agent.Checks.Vm;
using Warden.Agent.Configuration;

namespace Warden.Agent.Tests.Checks;

/// <summary>
/// Regression guard for issue 3's "no allocation per cycle once warm": the system checks over a real
/// fixture host (files that do not change, a fake clock) allocate nothing after their first cycles.
/// Deterministic: the same files give the same code paths every cycle. The live host is measured by
/// the FullCycle benchmark.
/// </summary>
public class WarmCycleAllocationTests
{
    [Theory]
    [InlineData(TestTrees.Cgroup2Host)]
    [InlineData(TestTrees.Cgroup1Host)]
    public void Warm_system_checks_allocate_nothing_per_cycle(string host)
    {
        var time = new FakeTimeProvider();
        var checks = SystemCheckSet.Create(new AgentOptions().Checks.System, HostPaths.Fixture(Path.Combine(TestTrees.FixtureRoot, host)), time);
        var outcomes = new List<CheckOutcome>(64);

        Assert.Equal(0, AllocatedOverWarmCycles(checks, outcomes, time));
        Assert.Contains(outcomes, o => o.Check == MemoryAvailableCheck.CheckName && o.Result.Status != CheckStatus.Unknown);
        Assert.Contains("% of memory available", outcomes.First(o => o.Check == MemoryAvailableCheck.CheckName).Result.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// A host with a running QEMU guest: the /proc scan, the inventory and the expected-guest list allocate
    /// nothing once warm. The guest here has no readable cgroup, so no per-guest cgroup read takes part.
    /// </summary>
    [Fact]
    public void Warm_vm_checks_with_a_running_guest_allocate_nothing_per_cycle()
    {
        using var scratch = TestTrees.Scratch();
        var proc = Vms.GuestDiscoveryTests.GuestHost(scratch.Path);
        File.Delete(Path.Combine(proc, "100", "cgroup"));
        var time = new FakeTimeProvider();
        var options = new VmCheckOptions { ExpectedGuests = ["web", "db", "web"], LibvirtConfigDirectory = "" };
        var checks = VmCheckSet.Create(options, HostPaths.Fixture(scratch.Path), time);
        var outcomes = new List<CheckOutcome>(64);

        Assert.Equal(0, AllocatedOverWarmCycles(checks, outcomes, time));
        var byKey = outcomes.ToDictionary(o => o.Key, o => o.Result);
        Assert.Equal(3, byKey.Count);
        Assert.Equal("guest web is running as pid 100", byKey["vm_expected_running:web"].Reason);
        Assert.Equal(CheckStatus.Crit, byKey["vm_expected_running:db"].Status);
        Assert.Equal(CheckStatus.Unknown, byKey["vm_memory_pressure:web"].Status);
    }

    /// <summary>
    /// The same with the guest in a machine.slice scope of its own on a real fixture tree (the scope's files are
    /// a copy of a real unit's, in every hierarchy that has one): throttling and memory pressure read the
    /// scope's cgroup every cycle and allocate nothing once warm, on v2 and on a hybrid v1 host.
    /// </summary>
    [Theory]
    [InlineData(TestTrees.Cgroup2Host)]
    [InlineData(TestTrees.Cgroup1Host)]
    public void Warm_vm_checks_reading_a_guests_own_cgroup_scope_allocate_nothing_per_cycle(string host)
    {
        using var scratch = TestTrees.CopyOfHost(host);
        GuestInOwnScope(scratch.Path);
        var time = new FakeTimeProvider();
        var options = new VmCheckOptions { ExpectedGuests = ["web"], LibvirtConfigDirectory = "" };
        var checks = VmCheckSet.Create(options, HostPaths.Fixture(scratch.Path), time);
        var outcomes = new List<CheckOutcome>(64);

        Assert.Equal(0, AllocatedOverWarmCycles(checks, outcomes, time));
        var byKey = outcomes.ToDictionary(o => o.Key, o => o.Result);
        Assert.Equal(3, byKey.Count);
        Assert.NotEqual(CheckStatus.Unknown, byKey["vm_memory_pressure:web"].Status);
        Assert.Contains(" MiB", byKey["vm_memory_pressure:web"].Reason, StringComparison.Ordinal);
        Assert.True(byKey.ContainsKey("vm_cpu_throttling:web"));
    }

    /// <summary>
    /// A service unit judged by its cgroup (no systemd, no process rule) on a real fixture tree reads
    /// system.slice/app.service every cycle and allocates nothing once warm.
    /// </summary>
    [Theory]
    [InlineData(TestTrees.Cgroup2Host)]
    [InlineData(TestTrees.Cgroup1Host)]
    public void Warm_service_check_reading_a_units_cgroup_allocates_nothing_per_cycle(string host)
    {
        var time = new FakeTimeProvider();
        var options = new ServiceCheckOptions { Units = [new() { Unit = "app.service" }] };
        var checks = ServiceCheckSet.Create(options, HostPaths.Fixture(Path.Combine(TestTrees.FixtureRoot, host)), time);
        var outcomes = new List<CheckOutcome>(64);

        Assert.Equal(0, AllocatedOverWarmCycles(checks, outcomes, time));
        var unit = Assert.Single(outcomes);
        Assert.Equal(CheckStatus.Ok, unit.Result.Status);
        Assert.StartsWith("systemd not running; judged by cgroup system.slice/app.service: ", unit.Result.Reason, StringComparison.Ordinal);
    }

    private const string WebScope = "machine.slice/machine-qemu\\x2d1\\x2dweb.scope";

    /// <summary>
    /// Guest "web" as pid 100, in <see cref="WebScope"/>: the scope is a copy of system.slice/app.service in each
    /// hierarchy that has it, and /proc/100/cgroup lists it for every controller (v1) and as 0:: (v2, unified).
    /// </summary>
    private static void GuestInOwnScope(string root)
    {
        var cgroup = Path.Combine(root, "cgroup");
        foreach (var hierarchy in Directory.GetDirectories(cgroup).Append(cgroup))
        {
            var unit = Path.Combine(hierarchy, "system.slice", "app.service");
            if (File.Exists(Path.Combine(unit, "cgroup.procs")))
            {
                var scope = Directory.CreateDirectory(Path.Combine(hierarchy, WebScope)).FullName;
                foreach (var file in Directory.GetFiles(unit))
                {
                    File.Copy(file, Path.Combine(scope, Path.GetFileName(file)));
                }
            }
        }
        var emulator = "/" + WebScope + "/libvirt/emulator";
        var membership = $"4:memory:{emulator}\n2:cpu,cpuacct:{emulator}\n1:pids:{emulator}\n0::{emulator}\n";
        Vms.GuestDiscoveryTests.Process(Path.Combine(root, "proc"), 100,
            ["/usr/bin/qemu-system-x86_64", "-name", "guest=web"], Vms.GuestDiscoveryTests.Stat(100, "qemu-system-x86"), membership);
    }

    /// <summary>Three cycles to warm up, then the bytes this thread allocated over ten more.</summary>
    private static long AllocatedOverWarmCycles(IReadOnlyList<ICheck> checks, List<CheckOutcome> outcomes, FakeTimeProvider time)
    {
        for (var i = 0; i < 3; i++)
        {
            Cycle(checks, outcomes, time);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            Cycle(checks, outcomes, time);
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void Cycle(IReadOnlyList<ICheck> checks, List<CheckOutcome> outcomes, FakeTimeProvider time)
    {
        time.Advance(TimeSpan.FromSeconds(5));
        outcomes.Clear();
        for (var i = 0; i < checks.Count; i++)
        {
            var evaluation = checks[i].EvaluateAsync(outcomes, CancellationToken.None);
            Assert.True(evaluation.IsCompletedSuccessfully); // /proc checks finish synchronously
        }
    }
}

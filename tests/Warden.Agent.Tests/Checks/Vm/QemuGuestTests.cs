using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Cgroups;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Vm;
using Warden.Agent.Vms;

namespace Warden.Agent.Tests.Checks.Vm;

/// <summary>A real paused QEMU guest (Debian package qemu-system-x86), found, measured, expected, then killed.</summary>
public class QemuGuestTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_real_guest_is_discovered_measured_and_reported_as_failed_start_once_killed()
    {
        var name = "warden-test-" + Guid.NewGuid().ToString("N")[..8];
        var uuid = Guid.NewGuid().ToString("D");
        var start = new ProcessStartInfo("qemu-system-x86_64")
        {
            ArgumentList = { "-name", $"guest={name},debug-threads=on", "-uuid", uuid, "-S", "-nodefaults", "-display", "none",
                "-m", "32", "-machine", "accel=tcg" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var qemu = Process.Start(start) ?? throw new InvalidOperationException("qemu-system-x86_64 did not start (install qemu-system-x86)");
        try
        {
            var paths = HostPaths.Live;
            var guest = await WaitForGuest(new GuestDiscovery(paths.Proc, Path.Combine(paths.Run, "libvirt", "qemu")), name, qemu);
            Assert.Equal(uuid, guest.Uuid);
            Assert.Equal(qemu.Id, guest.Pid);
            Assert.NotNull(guest.Cgroup);
            Assert.True(CgroupMembership.TryParse(File.ReadAllBytes($"/proc/{qemu.Id}/cgroup"), out var own));
            Assert.Equal(own.Primary, guest.Cgroup!.Primary);

            var time = new FakeTimeProvider();
            var usage = new GuestUsageReader(paths.Proc, new CgroupStatsReader(CgroupHierarchy.Open(paths)));
            var rates = new GuestRates(time);
            var first = rates.Next(guest, usage.Read(guest));
            Assert.InRange(first.Usage.MemoryBytes ?? 0, 1UL, ulong.MaxValue);
            Assert.NotNull(first.Usage.CpuUsec);
            time.Advance(TimeSpan.FromSeconds(1));
            var second = rates.Next(guest, usage.Read(guest));
            Assert.InRange(second.CpuPct, 0, 100 * Environment.ProcessorCount);

            var options = new VmCheckOptions { ExpectedGuests = [name], LibvirtConfigDirectory = "" };
            var checks = VmCheckSet.Create(options, paths, time);
            var running = await Evaluate(checks);
            Assert.Equal(CheckStatus.Ok, running[$"vm_expected_running:{name}"].Status);
            Assert.NotEqual(CheckStatus.Unknown, running[$"vm_memory_pressure:{name}"].Status);
            if (!guest.HasOwnCgroup)
            {
                // Started by the test, not by libvirt: the guest shares the test's cgroup, whose memory is not the guest's.
                Assert.Contains("no cgroup of its own", running[$"vm_memory_pressure:{name}"].Reason, StringComparison.Ordinal);
            }
            Assert.True(running.ContainsKey($"vm_cpu_throttling:{name}"));

            qemu.Kill();
            Assert.True(qemu.WaitForExit(Deadline), "qemu did not exit after SIGKILL");
            time.Advance(GuestInventory.MaxAge);
            var stopped = await Evaluate(checks);
            Assert.Equal(CheckStatus.Crit, stopped[$"vm_expected_running:{name}"].Status);
            Assert.Equal($"failed start: guest {name} is expected but not running", stopped[$"vm_expected_running:{name}"].Reason);
            Assert.False(stopped.ContainsKey($"vm_memory_pressure:{name}"));
        }
        finally
        {
            if (!qemu.HasExited)
            {
                qemu.Kill();
                qemu.WaitForExit(Deadline);
            }
        }
    }

    /// <summary>QEMU needs a moment to exec and write its argv; poll the real process with a deadline.</summary>
    private static async Task<RunningGuest> WaitForGuest(GuestDiscovery discovery, string name, Process qemu)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Deadline)
        {
            if (qemu.HasExited)
            {
                Assert.Fail("qemu exited early: " + await qemu.StandardError.ReadToEndAsync());
            }
            if (discovery.Scan().FirstOrDefault(g => g.Name == name) is { } guest)
            {
                return guest;
            }
            await Task.Delay(100);
        }
        // What a discovery started now sees, to tell a stale classification from a process that is not there.
        using var fresh = new GuestDiscovery(HostPaths.Live.Proc, "/nonexistent");
        throw new TimeoutException($"guest {name} not discovered within {Deadline}; a fresh scan finds [{string.Join(", ", fresh.Scan().Select(g => g.Name))}]");
    }

    private static async Task<Dictionary<string, CheckResult>> Evaluate(IReadOnlyList<ICheck> checks)
    {
        var outcomes = new List<CheckOutcome>();
        foreach (var check in checks)
        {
            await check.EvaluateAsync(outcomes, CancellationToken.None);
        }
        return outcomes.ToDictionary(o => o.Key, o => o.Result);
    }
}

using System.Text;
using Warden.Agent.Procfs;
using Warden.Agent.Vms;

namespace Warden.Agent.Tests.Vms;

public class GuestDiscoveryTests
{
    internal static void Process(string proc, int pid, string[]? argv, string? stat, string? cgroup)
    {
        var dir = Directory.CreateDirectory(Path.Combine(proc, pid.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
        if (argv is not null)
        {
            File.WriteAllBytes(Path.Combine(dir, "cmdline"), Encoding.UTF8.GetBytes(string.Join('\0', argv) + "\0"));
        }
        if (stat is not null)
        {
            File.WriteAllText(Path.Combine(dir, "stat"), stat);
        }
        if (cgroup is not null)
        {
            File.WriteAllText(Path.Combine(dir, "cgroup"), cgroup);
        }
    }

    internal static string Stat(int pid, string comm, char state = 'S', ulong start = 5000) =>
        $"{pid} ({comm}) {state} 1 1 1 0 -1 0 0 0 0 0 100 50 0 0 20 0 1 0 {start} 0 0\n";

    private const string WebScope = "0::/machine.slice/machine-qemu\\x2d1\\x2dweb.scope/libvirt/emulator\n";

    /// <summary>A small host: one guest in its machine scope, a shell, a kernel thread (empty cmdline), /proc/self.</summary>
    internal static string GuestHost(string root)
    {
        var proc = Path.Combine(root, "proc");
        Process(proc, 100, ["/usr/bin/qemu-system-x86_64", "-name", "guest=web,debug-threads=on", "-uuid", "11111111-2222-3333-4444-555555555555"],
            Stat(100, "qemu-system-x86"), WebScope);
        Process(proc, 200, ["/bin/bash", "-l"], Stat(200, "bash"), "0::/user.slice\n");
        Process(proc, 2, [], Stat(2, "kthreadd"), "0::/\n");
        Directory.CreateDirectory(Path.Combine(proc, "self"));
        return proc;
    }

    [Fact]
    public void A_warm_scan_allocates_nothing_and_returns_the_same_list_while_nothing_changes()
    {
        using var scratch = TestTrees.Scratch();
        using var discovery = new GuestDiscovery(GuestHost(scratch.Path), Path.Combine(scratch.Path, "run", "libvirt", "qemu"));
        var first = discovery.Scan();
        discovery.Scan();

        var before = GC.GetAllocatedBytesForCurrentThread();
        IReadOnlyList<RunningGuest> last = [];
        for (var i = 0; i < 10; i++)
        {
            last = discovery.Scan();
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Same(first, last);
        Assert.Equal("web", Assert.Single(last).Name);
        Assert.True(last[0].HasOwnCgroup);
    }

    /// <summary>
    /// A child caught between fork and exec still has its parent's comm and command line; exec keeps the pid and
    /// start time. Seen again as qemu (a new comm), it is classified again and found.
    /// </summary>
    [Fact]
    public void A_process_seen_before_its_exec_into_qemu_is_found_after_it()
    {
        using var scratch = TestTrees.Scratch();
        var proc = Path.Combine(scratch.Path, "proc");
        Process(proc, 300, ["/usr/bin/dotnet", "test"], Stat(300, "dotnet"), WebScope);
        Directory.CreateDirectory(Path.Combine(proc, "self"));
        using var discovery = new GuestDiscovery(proc, Path.Combine(scratch.Path, "run", "libvirt", "qemu"));
        Assert.Empty(discovery.Scan());

        Process(proc, 300, ["/usr/bin/qemu-system-x86_64", "-name", "guest=late"], Stat(300, "qemu-system-x86"), null);

        Assert.Equal("late", Assert.Single(discovery.Scan()).Name);
    }

    /// <summary>Inside exec comm is already the new one while the command line still reads empty.</summary>
    [Fact]
    public void A_qemu_whose_command_line_is_not_yet_readable_is_found_on_the_next_scan()
    {
        using var scratch = TestTrees.Scratch();
        var proc = Path.Combine(scratch.Path, "proc");
        Process(proc, 400, null, Stat(400, "qemu-system-x86"), WebScope);
        File.WriteAllBytes(Path.Combine(proc, "400", "cmdline"), []);
        Process(proc, 2, [], Stat(2, "kthreadd"), "0::/\n");
        Directory.CreateDirectory(Path.Combine(proc, "self"));
        using var discovery = new GuestDiscovery(proc, Path.Combine(scratch.Path, "run", "libvirt", "qemu"));
        Assert.Empty(discovery.Scan());

        Process(proc, 400, ["/usr/bin/qemu-system-x86_64", "-name", "guest=web"], null, null);

        Assert.Equal("web", Assert.Single(discovery.Scan()).Name);
    }

    [Fact]
    public void A_guest_is_followed_into_a_new_cgroup_a_restart_is_a_new_run_and_an_exit_forgets_it()
    {
        using var scratch = TestTrees.Scratch();
        var proc = GuestHost(scratch.Path);
        using var discovery = new GuestDiscovery(proc, Path.Combine(scratch.Path, "run", "libvirt", "qemu"));
        var web = Assert.Single(discovery.Scan());

        File.WriteAllText(Path.Combine(proc, "100", "cgroup"), "0::/machine.slice/machine-qemu\\x2d2\\x2dweb.scope/libvirt/vcpu0\n");
        var moved = Assert.Single(discovery.Scan());
        Assert.NotSame(web, moved);
        Assert.Equal("machine.slice/machine-qemu\\x2d2\\x2dweb.scope", moved.Cgroup!.Primary);
        Assert.Equal(web.Identity, moved.Identity);

        // The same pid, a new process (start time): its command line is read again.
        Process(proc, 100, ["qemu-kvm", "-name", "db"], Stat(100, "qemu-kvm", start: 9000), null);
        var reborn = Assert.Single(discovery.Scan());
        Assert.Equal(("db", 9000UL), (reborn.Name, reborn.StartTicks));

        // The pid's stat now says zombie, then the process is gone.
        File.WriteAllText(Path.Combine(proc, "100", "stat"), Stat(100, "qemu-kvm", 'Z', start: 9000));
        Assert.Empty(discovery.Scan());
        Directory.Delete(Path.Combine(proc, "100"), recursive: true);
        Assert.Empty(discovery.Scan());
        Process(proc, 100, ["qemu-kvm", "-name", "db"], Stat(100, "qemu-kvm", start: 9000), null);
        Assert.Equal("db", Assert.Single(discovery.Scan()).Name);
    }

    [Fact]
    public void Finds_named_unnamed_and_libvirt_guests_and_skips_vanished_and_zombie_processes()
    {
        using var scratch = TestTrees.Scratch();
        var proc = Path.Combine(scratch.Path, "proc");
        var run = Path.Combine(scratch.Path, "run", "libvirt", "qemu");
        Directory.CreateDirectory(run);
        Process(proc, 100, ["/usr/bin/qemu-system-x86_64", "-name", "guest=web,debug-threads=on", "-uuid", "11111111-2222-3333-4444-555555555555"],
            Stat(100, "qemu-system-x86"), "0::/machine.slice/machine-qemu\\x2d1\\x2dweb.scope/libvirt/emulator\n");
        Process(proc, 101, ["qemu-kvm", "-uuid", "aaaaaaaa-2222-3333-4444-555555555555"], Stat(101, "qemu) (kvm"), null);
        Process(proc, 102, ["qemu-kvm", "-m", "64"], Stat(102, "qemu-kvm"), "0::/\n");
        Process(proc, 103, ["qemu-kvm", "-name", "vanished"], null, null);
        Process(proc, 104, ["qemu-kvm", "-name", "zombie"], Stat(104, "qemu-kvm", 'Z'), null);
        Process(proc, 105, ["qemu-kvm"], Stat(105, "qemu-kvm"), null);
        Process(proc, 106, ["bash", "-c", "qemu-system-x86_64 -name nope"], Stat(106, "bash"), null);
        Process(proc, 107, null, null, null);
        Directory.CreateDirectory(Path.Combine(proc, "self"));
        File.WriteAllText(Path.Combine(run, "db.xml"), "<domstatus><domain><name>db</name><uuid>bbbbbbbb-2222-3333-4444-555555555555</uuid></domain></domstatus>");
        File.WriteAllText(Path.Combine(run, "db.pid"), "102\n");

        using var discovery = new GuestDiscovery(proc, run);
        var guests = discovery.Scan();

        Assert.Equal(["aaaaaaaa-2222-3333-4444-555555555555", "db", "web"], guests.Select(g => g.Name));
        var web = guests.Single(g => g.Name == "web");
        Assert.Equal(100, web.Pid);
        Assert.Equal("11111111-2222-3333-4444-555555555555", web.Uuid);
        Assert.True(web.HasOwnCgroup);
        Assert.Equal("machine.slice/machine-qemu\\x2d1\\x2dweb.scope", web.Cgroup!.Primary);
        Assert.Null(guests.Single(g => g.Pid == 101).Cgroup);
        Assert.Equal("bbbbbbbb-2222-3333-4444-555555555555", guests.Single(g => g.Name == "db").Uuid);
    }

    [Fact]
    public void Rates_come_from_the_injected_clock_and_a_new_run_of_a_pid_starts_over()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var rates = new GuestRates(time);
        var guest = new RunningGuest("g", null, 7, 100, null);
        Assert.True(double.IsNaN(rates.Next(guest, new GuestUsage(1_000_000, 10, 0, 0, "t")).CpuPct));
        time.Advance(TimeSpan.FromSeconds(2));
        var rate = rates.Next(guest, new GuestUsage(2_000_000, 10, 4096, null, "t"));
        Assert.Equal(50.0, rate.CpuPct, 9);
        Assert.Equal(2048.0, rate.ReadBytesPerSec, 9);
        Assert.True(double.IsNaN(rate.WriteBytesPerSec));
        var reborn = guest with { StartTicks = 999 };
        rates.Retain([reborn]);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(double.IsNaN(rates.Next(reborn, new GuestUsage(5, 10, 0, 0, "t")).CpuPct));
    }
}

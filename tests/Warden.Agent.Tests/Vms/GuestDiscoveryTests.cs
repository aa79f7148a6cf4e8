using System.Text;
using Warden.Agent.Procfs;
using Warden.Agent.Vms;

namespace Warden.Agent.Tests.Vms;

public class GuestDiscoveryTests
{
    private static void Process(string proc, int pid, string[]? argv, string? stat, string? cgroup)
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

    private static string Stat(int pid, string comm, char state = 'S') =>
        $"{pid} ({comm}) {state} 1 1 1 0 -1 0 0 0 0 0 100 50 0 0 20 0 1 0 5000 0 0\n";

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

        var guests = new GuestDiscovery(proc, run).Scan();

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
        var guest = new RunningGuest("g", null, 7, new ProcessTimes(0, 0, 100, 'S'), null);
        Assert.True(double.IsNaN(rates.Next(guest, new GuestUsage(1_000_000, 10, 0, 0, "t")).CpuPct));
        time.Advance(TimeSpan.FromSeconds(2));
        var rate = rates.Next(guest, new GuestUsage(2_000_000, 10, 4096, null, "t"));
        Assert.Equal(50.0, rate.CpuPct, 9);
        Assert.Equal(2048.0, rate.ReadBytesPerSec, 9);
        Assert.True(double.IsNaN(rate.WriteBytesPerSec));
        var reborn = guest with { Times = new ProcessTimes(0, 0, 999, 'S') };
        rates.Retain([reborn]);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(double.IsNaN(rates.Next(reborn, new GuestUsage(5, 10, 0, 0, "t")).CpuPct));
    }
}

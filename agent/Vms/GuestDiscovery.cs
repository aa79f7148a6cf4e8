using System.Globalization;
using Warden.Agent.Cgroups;
using Warden.Agent.Procfs;

namespace Warden.Agent.Vms;

/// <summary>
/// Finds running KVM/QEMU guests by scanning /proc/[pid]/cmdline for qemu-system-* and qemu-kvm, naming them
/// from -name (or -uuid), then from libvirt's runtime directory when the command line says nothing.
/// A process that exits mid-scan is skipped.
/// </summary>
internal sealed class GuestDiscovery(string procRoot, string libvirtRuntimeDirectory)
{
    private readonly CgroupFileReader _files = new();
    private readonly Lock _lock = new();

    public IReadOnlyList<RunningGuest> Scan()
    {
        var libvirtByPid = new Dictionary<int, LibvirtDomain>();
        foreach (var domain in LibvirtDirectory.Read(libvirtRuntimeDirectory))
        {
            if (domain.Pid is { } pid)
            {
                libvirtByPid.TryAdd(pid, domain);
            }
        }
        var guests = new List<RunningGuest>();
        lock (_lock)
        {
            foreach (var dir in EnumerateProcesses())
            {
                if (TryRead(dir, libvirtByPid) is { } guest)
                {
                    guests.Add(guest);
                }
            }
        }
        guests.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return guests;
    }

    private RunningGuest? TryRead(string dir, Dictionary<int, LibvirtDomain> libvirtByPid)
    {
        var pid = int.Parse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture);
        if (!_files.TryRead(Path.Combine(dir, "cmdline"), out var cmdline)
            || !QemuCommandLine.TryParse(cmdline, out var name, out var uuid))
        {
            return null;
        }
        if (libvirtByPid.TryGetValue(pid, out var domain))
        {
            name ??= domain.Name;
            uuid ??= domain.Uuid;
        }
        name ??= uuid;
        if (name is null || !_files.TryRead(Path.Combine(dir, "stat"), out var stat)
            || !ProcPidStat.TryParse(stat, out _, out var times) || times.State is 'Z' or 'X')
        {
            return null;
        }
        CgroupMembership? cgroup = null;
        if (_files.TryRead(Path.Combine(dir, "cgroup"), out var cgroupText) && CgroupMembership.TryParse(cgroupText, out var membership))
        {
            cgroup = membership.AtScope();
        }
        return new RunningGuest(name, uuid, pid, times, cgroup);
    }

    private IEnumerable<string> EnumerateProcesses()
    {
        foreach (var dir in Directory.EnumerateDirectories(procRoot))
        {
            var name = Path.GetFileName(dir.AsSpan());
            if (name.Length > 0 && name.IndexOfAnyExceptInRange('0', '9') < 0 && name.Length < 10)
            {
                yield return dir;
            }
        }
    }
}

using Warden.Agent.Cgroups;

namespace Warden.Agent.Vms;

/// <summary>
/// A QEMU process found running; <see cref="StartTicks"/> is its start time (/proc/PID/stat field 22). <see cref="Cgroup"/> is its machine.slice scope when libvirt/systemd put it
/// in one, else the process's own cgroups; null when /proc/PID/cgroup could not be read.
/// </summary>
internal sealed record RunningGuest(string Name, string? Uuid, int Pid, ulong StartTicks, CgroupMembership? Cgroup)
{
    /// <summary>The pid with its start time: a pid reused by a new process is a new guest run.</summary>
    public (int Pid, ulong Start) Identity => (Pid, StartTicks);

    /// <summary>True when the cgroup is the guest's own (a machine scope), so its counters are the guest's alone.</summary>
    public bool HasOwnCgroup => Cgroup is not null && GuestScope.IsScope(Cgroup.Primary);
}

/// <summary>
/// machine.slice scopes: "machine.slice/machine-qemu\x2d1\x2dNAME.scope". Newer libvirt puts the emulator and
/// each vCPU in children (".../libvirt/emulator", ".../libvirt/vcpu0"), so a guest is read at its scope.
/// </summary>
internal static class GuestScope
{
    public static bool IsScope(string path) => ScopeOf(path) is not null;

    /// <summary>The path up to the machine-*.scope segment, or null when there is none.</summary>
    public static string? ScopeOf(string path)
    {
        var segments = path.Trim('/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].StartsWith("machine-", StringComparison.Ordinal) && segments[i].EndsWith(".scope", StringComparison.Ordinal))
            {
                return string.Join('/', segments, 0, i + 1);
            }
        }
        return null;
    }
}

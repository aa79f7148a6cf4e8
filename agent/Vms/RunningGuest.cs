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
    /// <summary>Whether the path has a machine-*.scope segment; allocates nothing (checks ask every cycle).</summary>
    public static bool IsScope(string path) => ScopeEnd(path.AsSpan().Trim('/')) >= 0;

    /// <summary>The path up to the machine-*.scope segment, or null when there is none.</summary>
    public static string? ScopeOf(string path)
    {
        var trimmed = path.AsSpan().Trim('/');
        var end = ScopeEnd(trimmed);
        return end < 0 ? null : trimmed[..end].ToString();
    }

    /// <summary>Where the first machine-*.scope segment ends, or -1.</summary>
    private static int ScopeEnd(ReadOnlySpan<char> path)
    {
        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            if (segment.StartsWith("machine-", StringComparison.Ordinal) && segment.EndsWith(".scope", StringComparison.Ordinal))
            {
                return range.End.GetOffset(path.Length);
            }
        }
        return -1;
    }
}

using System.Text;

namespace Warden.Agent.Cgroups;

/// <summary>
/// Where one cgroup membership's controller files live on this host, as UTF-8 bytes, worked out once so that
/// each later read only appends a file name. Null where the host has no such hierarchy or the path is unsafe.
/// On v2 every controller is <see cref="Unified"/>.
/// </summary>
internal sealed class CgroupDirectories
{
    private CgroupDirectories()
    {
    }

    public byte[]? Unified { get; private init; }

    public byte[]? Cpuacct { get; private init; }

    public byte[]? Cpu { get; private init; }

    public byte[]? Memory { get; private init; }

    public byte[]? Blkio { get; private init; }

    public byte[]? Pids { get; private init; }

    public static CgroupDirectories Resolve(CgroupHierarchy hierarchy, CgroupMembership membership)
    {
        byte[]? Of(string controller, string? path) =>
            path is not null && hierarchy.DirectoryOf(controller, path) is { } dir ? Encoding.UTF8.GetBytes(dir) : null;
        byte[]? V1(string controller) => Of(controller, membership.PathFor(controller));

        return hierarchy.Layout switch
        {
            CgroupLayout.V2 => new CgroupDirectories { Unified = Of("", membership.UnifiedPath ?? "") },
            _ => new CgroupDirectories
            {
                Unified = hierarchy.Layout == CgroupLayout.Hybrid ? V1(CgroupHierarchy.Unified) : null,
                Cpuacct = V1("cpuacct"),
                Cpu = V1("cpu"),
                Memory = V1("memory"),
                Blkio = V1("blkio"),
                Pids = V1("pids"),
            },
        };
    }
}

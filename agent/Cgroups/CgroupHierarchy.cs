using Warden.Agent.Checks;

namespace Warden.Agent.Cgroups;

/// <summary>
/// Where each controller's files live for a cgroup path: root/PATH on v2; root/CONTROLLER/PATH on v1,
/// where the hierarchy may be co-mounted ("cpu,cpuacct") or a symlink to one; root/unified/PATH for the
/// PSI files of a hybrid host.
/// </summary>
internal sealed class CgroupHierarchy
{
    public const string Unified = "unified";
    private readonly Dictionary<string, string> _controllerDirs = new(StringComparer.Ordinal);

    public CgroupHierarchy(string root, CgroupLayout layout)
    {
        Root = root;
        Layout = layout;
        if (layout is CgroupLayout.V1 or CgroupLayout.Hybrid)
        {
            foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
            {
                var name = System.IO.Path.GetFileName(dir);
                foreach (var controller in name.Split(','))
                {
                    _controllerDirs.TryAdd(controller, dir);
                }
            }
        }
    }

    public string Root { get; }

    public CgroupLayout Layout { get; }

    /// <summary>Detects the layout below <see cref="HostPaths.Cgroup"/>, asking proc/self/mountinfo if needed.</summary>
    public static CgroupHierarchy Open(HostPaths paths) => new(
        paths.Cgroup, CgroupLayoutDetector.Detect(paths.Cgroup, System.IO.Path.Combine(paths.Proc, "self", "mountinfo")));

    /// <summary>
    /// The directory holding <paramref name="controller"/>'s files ("cpu", "memory", "unified") for a cgroup
    /// path such as "system.slice/nginx.service"; null when this host has no such hierarchy or the path is unsafe.
    /// </summary>
    public string? DirectoryOf(string controller, string cgroupPath)
    {
        if (Normalize(cgroupPath) is not { } relative)
        {
            return null;
        }
        string? hierarchy = Layout switch
        {
            CgroupLayout.V2 => Root,
            CgroupLayout.Hybrid when controller == Unified => System.IO.Path.Combine(Root, Unified),
            CgroupLayout.V1 or CgroupLayout.Hybrid => _controllerDirs.GetValueOrDefault(controller),
            _ => null,
        };
        return hierarchy is null ? null : relative.Length == 0 ? hierarchy : System.IO.Path.Combine(hierarchy, relative);
    }

    /// <summary>Every hierarchy's top directory (one on v2; each distinct v1 mount, and unified/, otherwise).</summary>
    public IEnumerable<string> Hierarchies => Layout == CgroupLayout.V2
        ? [Root]
        : _controllerDirs.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>
    /// The child cgroups of <paramref name="parent"/> whose names end in <paramref name="suffix"/>
    /// (".service" under "system.slice", ".scope" under "machine.slice"), as paths, from every hierarchy.
    /// </summary>
    public IReadOnlyList<string> Children(string parent, string suffix)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        if (Normalize(parent) is not { } relative)
        {
            return [];
        }
        foreach (var hierarchy in Hierarchies)
        {
            var dir = relative.Length == 0 ? hierarchy : System.IO.Path.Combine(hierarchy, relative);
            if (!Directory.Exists(dir))
            {
                continue;
            }
            try
            {
                foreach (var child in Directory.EnumerateDirectories(dir))
                {
                    var name = System.IO.Path.GetFileName(child);
                    if (name.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        found.Add(relative.Length == 0 ? name : relative + "/" + name);
                    }
                }
            }
            catch (DirectoryNotFoundException)
            {
                // The slice was removed while listed.
            }
        }
        return [.. found];
    }

    /// <summary>"/system.slice/x.service/" → "system.slice/x.service"; null for a path that climbs out ("..").</summary>
    public static string? Normalize(string cgroupPath)
    {
        var trimmed = cgroupPath.Trim('/');
        foreach (var segment in trimmed.Split('/'))
        {
            if (segment is ".." or ".")
            {
                return null;
            }
        }
        return trimmed;
    }
}

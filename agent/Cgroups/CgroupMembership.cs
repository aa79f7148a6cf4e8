using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Cgroups;

/// <summary>
/// The cgroups a process is in, from /proc/PID/cgroup: "HIERARCHY-ID:CONTROLLERS:PATH" per line, e.g.
/// "4:memory:/machine.slice/x.scope", "2:cpu,cpuacct:/", "1:name=systemd:/..." on v1, and "0::/PATH" for v2.
/// </summary>
internal sealed class CgroupMembership
{
    private readonly Dictionary<string, string> _v1 = new(StringComparer.Ordinal);

    private CgroupMembership(string? unifiedPath) => UnifiedPath = unifiedPath;

    /// <summary>The "0::" path (v2, or the unified hierarchy of a hybrid host).</summary>
    public string? UnifiedPath { get; }

    /// <summary>The same path in every hierarchy, as systemd lays out units ("system.slice/nginx.service").</summary>
    public static CgroupMembership Uniform(string path) => new(path) { IsUniform = true };

    private bool IsUniform { get; init; }

    /// <summary>The path to read <paramref name="controller"/>'s files at; the v2 path when v1 does not list it.</summary>
    public string? PathFor(string controller) =>
        IsUniform ? UnifiedPath : _v1.TryGetValue(controller, out var path) ? path : UnifiedPath;

    /// <summary>The one path to show: memory's (where v1 puts guests and services), else systemd's, else v2's.</summary>
    public string Primary =>
        (IsUniform ? UnifiedPath : _v1.GetValueOrDefault("memory") ?? _v1.GetValueOrDefault("name=systemd") ?? UnifiedPath) ?? "";

    /// <summary>
    /// The same membership with every path cut back to its machine-*.scope (libvirt's guest scope), where it
    /// has one: a guest's vCPU threads live in sibling cgroups of the emulator's.
    /// </summary>
    public CgroupMembership AtScope()
    {
        var scoped = new CgroupMembership(UnifiedPath is null ? null : Vms.GuestScope.ScopeOf(UnifiedPath) ?? UnifiedPath)
        {
            IsUniform = IsUniform,
        };
        foreach (var (controller, path) in _v1)
        {
            scoped._v1[controller] = Vms.GuestScope.ScopeOf(path) ?? path;
        }
        return scoped;
    }

    public static bool TryParse(ReadOnlySpan<byte> text, out CgroupMembership membership)
    {
        string? unified = null;
        var v1 = new List<(string Controllers, string Path)>();
        while (!text.IsEmpty)
        {
            var line = SpanFields.NextLine(ref text);
            if (line.IsEmpty)
            {
                continue;
            }
            var first = line.IndexOf((byte)':');
            var second = first < 0 ? -1 : line[(first + 1)..].IndexOf((byte)':');
            if (first <= 0 || second < 0)
            {
                membership = new CgroupMembership(null);
                return false;
            }
            var controllers = line.Slice(first + 1, second);
            var path = Encoding.UTF8.GetString(line[(first + second + 2)..]);
            if (controllers.IsEmpty)
            {
                unified = path;
            }
            else
            {
                v1.Add((Encoding.UTF8.GetString(controllers), path));
            }
        }
        membership = new CgroupMembership(unified);
        foreach (var (controllers, path) in v1)
        {
            foreach (var controller in controllers.Split(','))
            {
                membership._v1.TryAdd(controller, path);
            }
        }
        return unified is not null || v1.Count > 0;
    }
}

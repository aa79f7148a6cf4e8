namespace Warden.Agent.Cgroups;

/// <summary>How the host mounts its cgroup hierarchies.</summary>
internal enum CgroupLayout
{
    /// <summary>No cgroup filesystem found below the configured root.</summary>
    None,

    /// <summary>One hierarchy per controller (cpu/, memory/, ...), no unified hierarchy.</summary>
    V1,

    /// <summary>v1 hierarchies per controller plus a cgroup2 mount at unified/ (systemd's hybrid mode).</summary>
    Hybrid,

    /// <summary>A single cgroup2 hierarchy at the root.</summary>
    V2,
}

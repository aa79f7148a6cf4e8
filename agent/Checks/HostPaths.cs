namespace Warden.Agent.Checks;

/// <summary>Every root the agent reads below, so tests point the readers at fixture trees.</summary>
/// <param name="Proc">/proc</param>
/// <param name="Sys">/sys</param>
/// <param name="Cgroup">/sys/fs/cgroup</param>
/// <param name="Run">/run (libvirt's runtime state lives in /run/libvirt)</param>
internal sealed record HostPaths(string Proc, string Sys, string Cgroup, string Run)
{
    public static HostPaths Live { get; } = new("/proc", "/sys", "/sys/fs/cgroup", "/run");

    /// <summary>A fixture host: proc/ and cgroup/ side by side (tests/fixtures/hosts/NAME).</summary>
    public static HostPaths Fixture(string hostDirectory) => new(
        Path.Combine(hostDirectory, "proc"), Path.Combine(hostDirectory, "sys"),
        Path.Combine(hostDirectory, "cgroup"), Path.Combine(hostDirectory, "run"));
}

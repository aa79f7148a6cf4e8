using Warden.Agent.Checks;
using Warden.Agent.Healing;

namespace Warden.Agent.Tests.Healing;

/// <summary>Makes one heal action as the agent would, over this host's /proc unless told otherwise.</summary>
internal static class HealActions
{
    public static HealAction Create(TimeProvider time, HealActionOptions options, string procRoot = "/proc", string cgroupRoot = "/sys/fs/cgroup") =>
        HealAction.Create(options, "/usr/bin/systemctl", new HostPaths(procRoot, "/sys", cgroupRoot, "/run"), time);

    /// <summary>Waits (bounded) for a real process to reach a state: it is the kernel we wait on, not a clock.</summary>
    public static void Until(Func<bool> condition, string what) =>
        Assert.True(SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(20)), $"gave up waiting for {what}");
}

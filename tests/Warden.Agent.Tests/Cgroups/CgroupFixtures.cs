using Warden.Agent.Cgroups;
using Warden.Agent.Checks;

namespace Warden.Agent.Tests.Cgroups;

internal static class CgroupFixtures
{
    public static string Root(string host) => Path.Combine(TestTrees.FixtureRoot, host, "cgroup");

    public static CgroupStatsReader Reader(string host) =>
        new(CgroupHierarchy.Open(HostPaths.Fixture(Path.Combine(TestTrees.FixtureRoot, host))));
}

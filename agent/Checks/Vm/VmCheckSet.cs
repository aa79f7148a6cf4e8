using Warden.Agent.Cgroups;
using Warden.Agent.Vms;

namespace Warden.Agent.Checks.Vm;

/// <summary>The VM checks, in one explicit list; only the enabled ones are created.</summary>
internal static class VmCheckSet
{
    public static IReadOnlyList<ICheck> Create(VmCheckOptions o, HostPaths paths, TimeProvider time)
    {
        var runtimeDirectory = o.RuntimeDirectory(paths);
        var inventory = new GuestInventory(new GuestDiscovery(paths.Proc, runtimeDirectory), time);
        var cgroups = new CgroupStatsReader(CgroupHierarchy.Open(paths));
        var checks = new List<ICheck>();
        if (o.ExpectedRunning.Enabled)
        {
            checks.Add(new VmExpectedRunningCheck(o.ExpectedRunning, o.ExpectedGuests, o.LibvirtConfigDirectory, runtimeDirectory, inventory));
        }
        if (o.CpuThrottling.Enabled)
        {
            checks.Add(new VmCpuThrottlingCheck(o.CpuThrottling, inventory, cgroups));
        }
        if (o.MemoryPressure.Enabled)
        {
            checks.Add(new VmMemoryPressureCheck(o.MemoryPressure, inventory, cgroups));
        }
        return checks;
    }
}

namespace Warden.Agent.Checks.SystemChecks;

/// <summary>
/// The system checks, in one explicit list (no discovery). The folder is Checks/System but the
/// namespace is SystemChecks: a Warden.Agent.Checks.System namespace would shadow System.* for
/// every file under Warden.Agent.Checks.
/// </summary>
internal static class SystemCheckSet
{
    /// <summary>The enabled checks; each owns open kernel files and is IDisposable.</summary>
    public static IReadOnlyList<ICheck> Create(SystemCheckOptions o, HostPaths paths, TimeProvider time)
    {
        var checks = new List<ICheck>(7);
        void Add(CheckSettings settings, Func<ICheck> create)
        {
            if (settings.Enabled)
            {
                checks.Add(create());
            }
        }
        Add(o.CpuSaturation, () => new CpuSaturationCheck(o.CpuSaturation, paths, time));
        Add(o.MemoryAvailable, () => new MemoryAvailableCheck(o.MemoryAvailable, paths));
        Add(o.SwapActivity, () => new SwapActivityCheck(o.SwapActivity, paths, time));
        Add(o.LoadPerCore, () => new LoadPerCoreCheck(o.LoadPerCore, paths));
        Add(o.PressureStall, () => new PressureStallCheck(o.PressureStall, paths));
        Add(o.OomKills, () => new OomKillsCheck(o.OomKills, paths, time));
        Add(o.FileDescriptors, () => new FileDescriptorsCheck(o.FileDescriptors, paths));
        return checks;
    }
}

namespace Warden.Agent.Checks.Vm;

/// <summary>
/// "Checks": { "Vm": { ... } }. Defaults are stated here once. ExpectedGuests starts empty because the
/// configuration binder appends to a non-empty default array instead of replacing it.
/// </summary>
public sealed class VmCheckOptions
{
    public const string Section = "Checks:Vm";

    /// <summary>vm_expected_running: Warn/Crit unused (a missing guest is always CRIT).</summary>
    public CheckSettings ExpectedRunning { get; set; } = new() { IntervalSeconds = 10 };

    /// <summary>vm_cpu_throttling: percent of CFS periods throttled over the interval.</summary>
    public CheckSettings CpuThrottling { get; set; } = new() { Warn = 10, Crit = 30, IntervalSeconds = 10 };

    /// <summary>vm_memory_pressure: percent of the cgroup's memory limit in use (PSI memory "some" avg10 when unlimited).</summary>
    public CheckSettings MemoryPressure { get; set; } = new() { Warn = 90, Crit = 97, IntervalSeconds = 10 };

    /// <summary>Guests (by name or uuid) that must be running, besides those defined in libvirt.</summary>
    public string[] ExpectedGuests { get; set; } = [];

    /// <summary>libvirt's runtime state (NAME.xml, NAME.pid); empty means RUN/libvirt/qemu below the host's /run root.</summary>
    public string LibvirtRuntimeDirectory { get; set; } = "";

    /// <summary>libvirt's defined domains (NAME.xml); each one is expected to run. Empty turns that off.</summary>
    public string LibvirtConfigDirectory { get; set; } = "/etc/libvirt/qemu";

    internal IEnumerable<string> Problems()
    {
        foreach (var problem in ExpectedRunning.Problems(Section + ":ExpectedRunning"))
        {
            yield return problem;
        }
        foreach (var (key, settings) in new[] { ("CpuThrottling", CpuThrottling), ("MemoryPressure", MemoryPressure) })
        {
            var path = $"{Section}:{key}";
            foreach (var problem in settings.Problems(path))
            {
                yield return problem;
            }
            if (settings.Warn is < 0 or > 100)
            {
                yield return $"{path}:Warn: {settings.Warn} must be a percentage from 0 to 100";
            }
            if (settings.Crit is < 0 or > 100)
            {
                yield return $"{path}:Crit: {settings.Crit} must be a percentage from 0 to 100";
            }
            if (settings.Warn > settings.Crit)
            {
                yield return $"{path}:Warn: {settings.Warn} must not be above {path}:Crit {settings.Crit} (higher is worse)";
            }
        }
        for (var i = 0; i < ExpectedGuests.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(ExpectedGuests[i]))
            {
                yield return $"{Section}:ExpectedGuests:{i}: a guest name must not be empty";
            }
        }
    }

    internal string RuntimeDirectory(HostPaths paths) =>
        LibvirtRuntimeDirectory.Length > 0 ? LibvirtRuntimeDirectory : Path.Combine(paths.Run, "libvirt", "qemu");
}

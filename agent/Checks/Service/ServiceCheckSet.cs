using Warden.Agent.Cgroups;
using Warden.Agent.Services;

namespace Warden.Agent.Checks.Service;

/// <summary>The service checks configured under "Checks:Service", one per enabled unit, rule and probe.</summary>
internal static class ServiceCheckSet
{
    /// <summary>Options must have passed <see cref="ServiceCheckOptions.Problems"/>.</summary>
    public static IReadOnlyList<ICheck> Create(ServiceCheckOptions o, HostPaths paths, TimeProvider time)
    {
        var checks = new List<ICheck>();
        var processes = new ProcessTable(paths.Proc);
        var systemctl = new SystemctlReader(o.SystemctlPath, time);
        // sd_booted(3): systemd is the running init exactly when /run/systemd/system exists.
        var marker = Path.Combine(paths.Run, "systemd", "system");
        bool SystemdRunning() => Directory.Exists(marker);
        // Opened on first need (a unit judged without systemd and without a process rule), once.
        var cgroups = new Lazy<CgroupStatsReader>(() => new CgroupStatsReader(CgroupHierarchy.Open(paths)));

        foreach (var unit in o.Units.Where(u => u.Enabled))
        {
            checks.Add(new ServiceUnitCheck(unit, systemctl, SystemdRunning, processes, () => cgroups.Value));
        }
        foreach (var rule in o.Processes.Where(p => p.Enabled))
        {
            checks.Add(new ProcessRunningCheck(rule, processes));
        }
        foreach (var tcp in o.TcpProbes.Where(p => p.Enabled))
        {
            var probe = new TcpProbe(tcp.Host, tcp.Port, tcp.Send, tcp.Expect, TimeSpan.FromSeconds(tcp.TimeoutSeconds), time);
            checks.Add(new ProbeCheck(ProbeCheck.TcpName, tcp.Subject, probe.ProbeAsync, new Threshold(tcp.Warn, tcp.Crit),
                TimeSpan.FromSeconds(tcp.IntervalSeconds)));
        }
        foreach (var http in o.HttpProbes.Where(p => p.Enabled))
        {
            var probe = new HttpProbe(new Uri(http.Url), http.StatusMin, http.StatusMax, http.Body, http.SkipCertificateValidation,
                TimeSpan.FromSeconds(http.TimeoutSeconds), time);
            checks.Add(new ProbeCheck(ProbeCheck.HttpName, http.Subject, probe.ProbeAsync, new Threshold(http.Warn, http.Crit),
                TimeSpan.FromSeconds(http.IntervalSeconds)));
        }
        return checks;
    }
}

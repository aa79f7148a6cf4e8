namespace Warden.Agent.Checks.Service;

/// <summary>
/// "Checks:Service": systemd units, processes and TCP/HTTP endpoints to watch. Every list starts
/// empty (the binder appends a file's list to a non-empty default).
/// </summary>
public sealed class ServiceCheckOptions
{
    public const string Section = "Checks:Service";

    /// <summary>systemctl to run: a bare name is looked up on PATH.</summary>
    public string SystemctlPath { get; set; } = "systemctl";

    public UnitCheckOptions[] Units { get; set; } = [];

    public ProcessCheckOptions[] Processes { get; set; } = [];

    public TcpProbeOptions[] TcpProbes { get; set; } = [];

    public HttpProbeOptions[] HttpProbes { get; set; } = [];

    /// <summary>Problems with these values, each naming its key and the bad value.</summary>
    internal IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(SystemctlPath))
        {
            yield return $"{Section}:SystemctlPath: must name the systemctl executable";
        }
        for (var i = 0; i < Units.Length; i++)
        {
            var path = $"{Section}:Units:{i}";
            var unit = Units[i];
            if (string.IsNullOrWhiteSpace(unit.Unit))
            {
                yield return $"{path}:Unit: must name a systemd unit, e.g. 'nginx.service'";
            }
            foreach (var problem in ProcessRule.Problems(path, unit.ProcessName, unit.Cmdline, unit.CmdlineRegex, required: false)
                .Concat(Seconds(path, unit.IntervalSeconds, unit.TimeoutSeconds)))
            {
                yield return problem;
            }
        }
        for (var i = 0; i < Processes.Length; i++)
        {
            var path = $"{Section}:Processes:{i}";
            var rule = Processes[i];
            foreach (var problem in ProcessRule.Problems(path, rule.ProcessName, rule.Cmdline, rule.CmdlineRegex, required: true)
                .Concat(Seconds(path, rule.IntervalSeconds, 1)))
            {
                yield return problem;
            }
            if (rule.Min < 0)
            {
                yield return $"{path}:Min: {rule.Min} must be 0 or more";
            }
            if (rule.Max is { } max && max < rule.Min)
            {
                yield return $"{path}:Max: {max} must not be below Min {rule.Min}";
            }
        }
        for (var i = 0; i < TcpProbes.Length; i++)
        {
            var path = $"{Section}:TcpProbes:{i}";
            var probe = TcpProbes[i];
            if (string.IsNullOrWhiteSpace(probe.Host))
            {
                yield return $"{path}:Host: must name a host or address";
            }
            if (probe.Port is < 1 or > 65535)
            {
                yield return $"{path}:Port: {probe.Port} is not a TCP port (1-65535)";
            }
            foreach (var problem in Seconds(path, probe.IntervalSeconds, probe.TimeoutSeconds).Concat(Latency(path, probe.Warn, probe.Crit)))
            {
                yield return problem;
            }
        }
        for (var i = 0; i < HttpProbes.Length; i++)
        {
            var path = $"{Section}:HttpProbes:{i}";
            var probe = HttpProbes[i];
            if (!Uri.TryCreate(probe.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                yield return $"{path}:Url: '{probe.Url}' is not an absolute http(s) URL";
            }
            if (probe.StatusMin is < 100 or > 599 || probe.StatusMax is < 100 or > 599 || probe.StatusMin > probe.StatusMax)
            {
                yield return $"{path}: StatusMin {probe.StatusMin} and StatusMax {probe.StatusMax} must be HTTP statuses (100-599), Min not above Max";
            }
            foreach (var problem in Seconds(path, probe.IntervalSeconds, probe.TimeoutSeconds).Concat(Latency(path, probe.Warn, probe.Crit)))
            {
                yield return problem;
            }
        }
        foreach (var problem in Duplicates("Units", Units.Select(u => u.Subject))
            .Concat(Duplicates("Processes", Processes.Select(p => p.Subject)))
            .Concat(Duplicates("TcpProbes", TcpProbes.Select(p => p.Subject)))
            .Concat(Duplicates("HttpProbes", HttpProbes.Select(p => p.Subject))))
        {
            yield return problem;
        }
    }

    internal static IEnumerable<string> Seconds(string path, double interval, double timeout)
    {
        if (!(interval > 0) || double.IsInfinity(interval))
        {
            yield return $"{path}:IntervalSeconds: {interval} must be a positive number of seconds";
        }
        if (!(timeout > 0) || double.IsInfinity(timeout))
        {
            yield return $"{path}:TimeoutSeconds: {timeout} must be a positive number of seconds";
        }
    }

    private static IEnumerable<string> Latency(string path, double warn, double crit)
    {
        if (!double.IsFinite(warn) || !double.IsFinite(crit) || warn < 0 || warn > crit)
        {
            yield return $"{path}: Warn {warn} and Crit {crit} must be milliseconds with Warn not above Crit";
        }
    }

    private static IEnumerable<string> Duplicates(string list, IEnumerable<string> subjects) =>
        subjects.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{Section}:{list}: '{g.Key}' appears {g.Count()} times; give each a distinct Name");
}

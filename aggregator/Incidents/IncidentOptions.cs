namespace Warden.Aggregator.Incidents;

/// <summary>
/// The incident engine's settings: the "Incidents" section of aggregator.json. Defaults are stated
/// here once and documented in packaging/etc/warden/aggregator.json.
/// </summary>
public sealed class IncidentOptions
{
    /// <summary>Site rules, tried in order before the default rules; the first that matches classifies.</summary>
    public List<IncidentRuleOptions> Rules { get; set; } = [];

    /// <summary>Whether the default rules (<see cref="DefaultRules"/>) follow the site rules.</summary>
    public bool UseDefaultRules { get; set; } = true;

    /// <summary>The same host rule firing on this many hosts within FleetWindow becomes one fleet incident.</summary>
    public int FleetMinHosts { get; set; } = 5;

    public TimeSpan FleetWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A new incident's first notice waits this long, so a storm is folded into one fleet incident first.</summary>
    public TimeSpan NotifyHold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A silent host becomes a host-silent incident only after this long, unless a partition took it.</summary>
    public TimeSpan SilentHold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Hosts going silent within PartitionWindow, at least this share of the fleet and PartitionMinHosts, are a suspected partition.</summary>
    public double PartitionMinShare { get; set; } = 0.2;

    public int PartitionMinHosts { get; set; } = 3;

    public TimeSpan PartitionWindow { get; set; } = TimeSpan.FromSeconds(60);

    public string PartitionSeverity { get; set; } = "P1";

    /// <summary>An incident resolves by itself when every check behind it has been OK this long.</summary>
    public TimeSpan AutoResolveAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The same failure within this long after a resolve reopens the incident instead of opening a new one.</summary>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A check changing state FlapChanges times within FlapWindow is flapping: its repeat notices are held back.</summary>
    public TimeSpan FlapWindow { get; set; } = TimeSpan.FromMinutes(10);

    public int FlapChanges { get; set; } = 6;

    /// <summary>After the first escalation (at the severity's SLA), escalate again this often; 0 means every SLA.</summary>
    public TimeSpan EscalationRepeat { get; set; } = TimeSpan.Zero;
}

/// <summary>One classification rule as configured.</summary>
public sealed class IncidentRuleOptions
{
    public string Name { get; set; } = "";

    /// <summary>check (a check transition), heal-exhausted, or host-silent.</summary>
    public string Kind { get; set; } = "check";

    /// <summary>Glob on the check's component (system, storage, vm, network, service, security).</summary>
    public string Component { get; set; } = "*";

    /// <summary>Glob on the check name ("disk_space:*").</summary>
    public string Check { get; set; } = "*";

    /// <summary>Comma-separated states that match: CRIT, WARN.</summary>
    public string States { get; set; } = "CRIT";

    /// <summary>HARD (default), SOFT or ANY.</summary>
    public string StateType { get; set; } = "HARD";

    /// <summary>The check must stay failing this long before the rule fires.</summary>
    public TimeSpan For { get; set; } = TimeSpan.Zero;

    /// <summary>Fires only when at least this many hosts match within FleetWindow (a fleet rule).</summary>
    public int MinHosts { get; set; } = 1;

    /// <summary>Fires only when at least this share of the fleet (0..1) matches within FleetWindow.</summary>
    public double MinShare { get; set; }

    public string Severity { get; set; } = "P3";
}

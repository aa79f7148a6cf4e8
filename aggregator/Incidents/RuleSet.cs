using Warden.Aggregator.Configuration;

namespace Warden.Aggregator.Incidents;

/// <summary>The site's rules then the defaults, validated, tried in order.</summary>
public sealed class RuleSet
{
    private readonly List<ClassificationRule> _rules;

    private RuleSet(List<ClassificationRule> rules) => _rules = rules;

    public IReadOnlyList<ClassificationRule> Rules => _rules;

    /// <summary>The rules shipped with Warden, after any site rules (documented in aggregator.json and README.md).</summary>
    public static IReadOnlyList<IncidentRuleOptions> DefaultRules { get; } =
    [
        new() { Name = "heal-exhausted", Kind = "heal-exhausted", Severity = "P1" },
        new() { Name = "host-silent", Kind = "host-silent", Severity = "P2" },
        new() { Name = "service-down-fleet", Component = "service", States = "CRIT", MinShare = 0.25, MinHosts = 2, Severity = "P0" },
        new() { Name = "service-down", Component = "service", States = "CRIT", Severity = "P1" },
        new() { Name = "disk-critical", Component = "storage", Check = "disk_space*", States = "CRIT", Severity = "P2" },
        new() { Name = "vm-down", Component = "vm", States = "CRIT", Severity = "P2" },
        new() { Name = "critical", States = "CRIT", Severity = "P3" },
        new() { Name = "warning", States = "WARN", Severity = "P4" },
    ];

    /// <exception cref="ConfigException">A rule is invalid; the message names the key and the value.</exception>
    public static RuleSet From(IncidentOptions options)
    {
        var rules = new List<ClassificationRule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Rules.Count; i++)
        {
            rules.Add(Compile(options.Rules[i], $"Incidents:Rules:{i}", names));
        }
        if (options.UseDefaultRules)
        {
            foreach (var rule in DefaultRules.Where(r => !names.Contains(r.Name)))
            {
                rules.Add(Compile(rule, $"default rule {rule.Name}", names));
            }
        }
        return new RuleSet(rules);
    }

    public ClassificationRule? First(DetectionKind kind, string component, string check) =>
        _rules.Find(r => r.Matches(kind, component, check, "", hard: true));

    public IEnumerable<ClassificationRule> Matching(string component, string check, string state, bool hard) =>
        _rules.Where(r => r.Matches(DetectionKind.Check, component, check, state, hard));

    private static ClassificationRule Compile(IncidentRuleOptions o, string key, HashSet<string> names)
    {
        if (string.IsNullOrWhiteSpace(o.Name))
        {
            throw new ConfigException($"{key}:Name: must not be empty");
        }
        if (!names.Add(o.Name))
        {
            throw new ConfigException($"{key}:Name: '{o.Name}' names two rules");
        }
        var kind = o.Kind switch
        {
            "check" => DetectionKind.Check,
            "heal-exhausted" => DetectionKind.HealExhausted,
            "host-silent" => DetectionKind.HostSilent,
            _ => throw new ConfigException($"{key}:Kind: '{o.Kind}' is not one of check, heal-exhausted, host-silent"),
        };
        var states = o.States.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (states.Count == 0 || states.Any(s => s is not ("CRIT" or "WARN")))
        {
            throw new ConfigException($"{key}:States: '{o.States}' must list CRIT and/or WARN (UNKNOWN is never a failure)");
        }
        var stateType = o.StateType switch
        {
            "HARD" => StateTypeMatch.Hard,
            "SOFT" => StateTypeMatch.Soft,
            "ANY" => StateTypeMatch.Any,
            _ => throw new ConfigException($"{key}:StateType: '{o.StateType}' is not one of HARD, SOFT, ANY"),
        };
        if (!SeverityTable.TryParse(o.Severity, out var severity))
        {
            throw new ConfigException($"{key}:Severity: '{o.Severity}' is not one of P0, P1, P2, P3, P4");
        }
        if (o.For < TimeSpan.Zero)
        {
            throw new ConfigException($"{key}:For: '{o.For}' is negative");
        }
        if (o.MinHosts < 1)
        {
            throw new ConfigException($"{key}:MinHosts: {o.MinHosts} is below 1");
        }
        if (o.MinShare is < 0 or > 1 || double.IsNaN(o.MinShare))
        {
            throw new ConfigException($"{key}:MinShare: {o.MinShare} is not a share between 0 and 1");
        }
        if (string.IsNullOrEmpty(o.Component) || string.IsNullOrEmpty(o.Check))
        {
            throw new ConfigException($"{key}: Component and Check must not be empty (use \"*\" for any)");
        }
        return new ClassificationRule(o.Name, kind, o.Component, o.Check, states, stateType, o.For, o.MinHosts, o.MinShare, severity);
    }

    /// <exception cref="ConfigException">A setting of the Incidents section is out of range.</exception>
    public static void ValidateSettings(IncidentOptions o)
    {
        Positive(o.FleetWindow, nameof(o.FleetWindow));
        Positive(o.PartitionWindow, nameof(o.PartitionWindow));
        Positive(o.AutoResolveAfter, nameof(o.AutoResolveAfter));
        Positive(o.FlapWindow, nameof(o.FlapWindow));
        NotNegative(o.NotifyHold, nameof(o.NotifyHold));
        NotNegative(o.SilentHold, nameof(o.SilentHold));
        NotNegative(o.ReopenWindow, nameof(o.ReopenWindow));
        NotNegative(o.EscalationRepeat, nameof(o.EscalationRepeat));
        if (o.FleetMinHosts < 2)
        {
            throw new ConfigException($"Incidents:FleetMinHosts: {o.FleetMinHosts} is below 2");
        }
        if (o.PartitionMinHosts < 2)
        {
            throw new ConfigException($"Incidents:PartitionMinHosts: {o.PartitionMinHosts} is below 2");
        }
        if (o.PartitionMinShare is <= 0 or > 1 || double.IsNaN(o.PartitionMinShare))
        {
            throw new ConfigException($"Incidents:PartitionMinShare: {o.PartitionMinShare} is not a share above 0 and at most 1");
        }
        if (o.FlapChanges < 2)
        {
            throw new ConfigException($"Incidents:FlapChanges: {o.FlapChanges} is below 2");
        }
        if (!SeverityTable.TryParse(o.PartitionSeverity, out _))
        {
            throw new ConfigException($"Incidents:PartitionSeverity: '{o.PartitionSeverity}' is not one of P0, P1, P2, P3, P4");
        }
        From(o);

        static void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ConfigException($"Incidents:{key}: '{value}' must be longer than zero");
            }
        }

        static void NotNegative(TimeSpan value, string key)
        {
            if (value < TimeSpan.Zero)
            {
                throw new ConfigException($"Incidents:{key}: '{value}' is negative");
            }
        }
    }
}

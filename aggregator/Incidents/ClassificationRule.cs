using System.Text.RegularExpressions;

namespace Warden.Aggregator.Incidents;

public enum DetectionKind
{
    Check,
    HealExhausted,
    HostSilent,
}

public enum StateTypeMatch
{
    Hard,
    Soft,
    Any,
}

/// <summary>A validated classification rule: what it matches and the severity it gives.</summary>
public sealed class ClassificationRule
{
    private readonly Regex _component;
    private readonly Regex _check;

    public ClassificationRule(string name, DetectionKind kind, string component, string check, IReadOnlySet<string> states,
        StateTypeMatch stateType, TimeSpan @for, int minHosts, double minShare, Severity severity)
    {
        Name = name;
        Kind = kind;
        _component = Glob(component);
        _check = Glob(check);
        States = states;
        StateType = stateType;
        For = @for;
        MinHosts = minHosts;
        MinShare = minShare;
        Severity = severity;
    }

    public string Name { get; }

    public DetectionKind Kind { get; }

    public IReadOnlySet<string> States { get; }

    public StateTypeMatch StateType { get; }

    public TimeSpan For { get; }

    public int MinHosts { get; }

    public double MinShare { get; }

    public Severity Severity { get; }

    /// <summary>A fleet rule fires only once enough hosts match; a host rule fires for one.</summary>
    public bool IsFleetRule => MinHosts > 1 || MinShare > 0;

    public int HostsNeeded(int fleetSize) => Math.Max(MinHosts, (int)Math.Ceiling(MinShare * fleetSize));

    public bool Matches(DetectionKind kind, string component, string check, string state, bool hard) =>
        kind == Kind
        && _component.IsMatch(component)
        && _check.IsMatch(check)
        && (kind != DetectionKind.Check || (States.Contains(state) && StateType switch
        {
            StateTypeMatch.Hard => hard,
            StateTypeMatch.Soft => !hard,
            _ => true,
        }));

    public static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline);
}

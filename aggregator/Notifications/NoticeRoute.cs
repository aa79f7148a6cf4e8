namespace Warden.Aggregator.Notifications;

/// <summary>How a route's groups are keyed and timed.</summary>
internal sealed record GroupPolicy(IReadOnlyList<string> GroupBy, TimeSpan Wait, TimeSpan Interval, TimeSpan Repeat);

/// <summary>One configured route, ready to match notices. Index -1 is the default route.</summary>
internal sealed class NoticeRoute
{
    public const string EscalationLabel = "escalation_level";

    private readonly HashSet<string> _severities;
    private readonly HashSet<NoticeKind> _kinds;
    private readonly Dictionary<string, string> _labels;
    private readonly int? _minEscalation;

    private NoticeRoute(int index, IReadOnlyList<string> receivers, bool continues, GroupPolicy policy,
        HashSet<string> severities, HashSet<NoticeKind> kinds, Dictionary<string, string> labels, int? minEscalation)
    {
        Index = index;
        Receivers = receivers;
        Continue = continues;
        Policy = policy;
        _severities = severities;
        _kinds = kinds;
        _labels = labels;
        _minEscalation = minEscalation;
    }

    public int Index { get; }

    public IReadOnlyList<string> Receivers { get; }

    public bool Continue { get; }

    public GroupPolicy Policy { get; }

    public static NoticeRoute FromOptions(int index, RouteOptions r, NotificationOptions o) => new(
        index,
        [.. r.Receivers],
        r.Continue,
        new GroupPolicy(
            r.GroupBy ?? o.EffectiveGroupBy,
            TimeSpan.FromSeconds(r.GroupWaitSeconds ?? o.GroupWaitSeconds),
            TimeSpan.FromSeconds(r.GroupIntervalSeconds ?? o.GroupIntervalSeconds),
            TimeSpan.FromSeconds(r.RepeatIntervalSeconds ?? o.RepeatIntervalSeconds)),
        [.. r.Severities],
        [.. r.Kinds.Select(k => Enum.Parse<NoticeKind>(k, ignoreCase: true))],
        new Dictionary<string, string>(r.Labels, StringComparer.Ordinal),
        r.MinEscalationLevel);

    public static NoticeRoute Default(NotificationOptions o) =>
        FromOptions(-1, new RouteOptions { Receivers = o.DefaultReceivers }, o);

    public bool Matches(IncidentNotice notice) =>
        (_severities.Count == 0 || _severities.Contains(notice.Severity))
        && (_kinds.Count == 0 || _kinds.Contains(notice.Kind))
        && (_minEscalation is not { } min || EscalationLevel(notice) >= min)
        && _labels.All(l => notice.Labels.TryGetValue(l.Key, out var value) && value == l.Value);

    public static int EscalationLevel(IncidentNotice notice) =>
        notice.Labels.TryGetValue(EscalationLabel, out var text) && int.TryParse(text, out var level) ? level : 0;
}

/// <summary>The configured routes in order, then the default route for a notice none matched.</summary>
internal sealed class NoticeRouter(NotificationOptions options)
{
    private readonly NoticeRoute[] _routes = [.. options.Routes.Select((r, i) => NoticeRoute.FromOptions(i, r, options))];
    private readonly NoticeRoute _default = NoticeRoute.Default(options);

    public NoticeRoute Route(int index) => index < 0 ? _default : _routes[index];

    public List<NoticeRoute> Match(IncidentNotice notice)
    {
        var matched = new List<NoticeRoute>();
        foreach (var route in _routes)
        {
            if (route.Matches(notice))
            {
                matched.Add(route);
                if (!route.Continue)
                {
                    return matched;
                }
            }
        }
        if (matched.Count == 0)
        {
            matched.Add(_default);
        }
        return matched;
    }
}

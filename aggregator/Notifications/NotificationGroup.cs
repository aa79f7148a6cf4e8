namespace Warden.Aggregator.Notifications;

/// <summary>
/// Notices for one receiver of one route that share the values of the route's GroupBy labels,
/// timed like Alertmanager: the first message after GroupWait, then one per GroupInterval when
/// something changed, and again after RepeatInterval while incidents still fire.
/// </summary>
internal sealed class NotificationGroup(string key, NoticeRoute route, string receiver, IReadOnlyDictionary<string, string> labels, DateTimeOffset nextFlush)
{
    private readonly Dictionary<string, IncidentNotice> _notices = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastSent;
    private bool _changed;
    private int _dropped;

    public string Key => key;

    public NoticeRoute Route => route;

    public string Receiver => receiver;

    public IReadOnlyDictionary<string, string> Labels => labels;

    public DateTimeOffset NextFlush { get; private set; } = nextFlush;

    public bool IsEmpty => _notices.Count == 0;

    public bool Holds(string incidentId) => _notices.ContainsKey(incidentId);

    /// <summary>Keeps the newest notice per incident; false (and counted for the next message) when the group is full.</summary>
    public bool Put(IncidentNotice notice, int capacity)
    {
        if (_notices.TryGetValue(notice.IncidentId, out var held))
        {
            if (held.At > notice.At)
            {
                return true;
            }
        }
        else if (_notices.Count >= capacity)
        {
            _dropped++;
            return false;
        }
        _notices[notice.IncidentId] = notice;
        _changed = true;
        return true;
    }

    /// <summary>Drops the incident (it moved to another group); true when it was held here.</summary>
    public bool Forget(string incidentId) => _notices.Remove(incidentId);

    /// <summary>Takes back a message its receiver did not accept, so the next flush sends it again.</summary>
    public void Return(NotificationMessage message, int capacity)
    {
        foreach (var notice in message.Notices)
        {
            Put(notice, capacity);
        }
        _dropped += message.Dropped;
        _changed = true;
    }

    /// <summary>A message when this group is due and has news or a repeat to send; resolved incidents leave it then.</summary>
    public NotificationMessage? Flush(DateTimeOffset now)
    {
        if (now < NextFlush)
        {
            return null;
        }
        NextFlush = now + route.Policy.Interval;
        var repeat = !_changed && _lastSent is { } last && now - last >= route.Policy.Repeat;
        if (!_changed && !repeat)
        {
            return null;
        }
        var notices = _notices.Values.OrderBy(n => n.At).ThenBy(n => n.IncidentId, StringComparer.Ordinal).ToList();
        var message = new NotificationMessage(key, route.Index, receiver, labels, notices, repeat, _dropped, now);
        foreach (var resolved in notices.Where(n => n.Kind == NoticeKind.Resolved))
        {
            _notices.Remove(resolved.IncidentId);
        }
        _changed = false;
        _dropped = 0;
        _lastSent = now;
        return message;
    }

    /// <summary>Values of the GroupBy labels; severity, incident and fingerprint are also readable as labels.</summary>
    public static Dictionary<string, string> LabelsOf(IncidentNotice notice, IReadOnlyList<string> groupBy)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in groupBy)
        {
            values[name] = notice.Labels.TryGetValue(name, out var value) ? value : name switch
            {
                "severity" => notice.Severity,
                "incident" => notice.IncidentId,
                "fingerprint" => notice.Fingerprint,
                _ => "",
            };
        }
        return values;
    }
}

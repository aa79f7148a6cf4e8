namespace Warden.Aggregator.Notifications;

/// <summary>
/// Every group, bounded: routes each notice into its groups and hands out the messages that are
/// due. Not thread-safe: the dispatcher's single loop owns it, so no lock is needed.
/// </summary>
internal sealed class NotificationGroups(NotificationOptions options, NotificationCounters counters)
{
    private readonly NoticeRouter _router = new(options);
    private readonly Dictionary<string, NotificationGroup> _groups = new(StringComparer.Ordinal);

    public int Count => _groups.Count;

    /// <summary>
    /// A Resolved notice goes to every group that holds its incident, so a receiver that heard it
    /// fire (through any route) hears it resolve; one nobody holds is routed like any other notice.
    /// </summary>
    /// <returns>false when no route and no default receiver wanted it.</returns>
    public bool Add(IncidentNotice notice, DateTimeOffset now)
    {
        if (notice.Kind == NoticeKind.Resolved)
        {
            var holders = _groups.Values.Where(g => g.Holds(notice.IncidentId)).ToList();
            if (holders.Count > 0)
            {
                holders.ForEach(g => PutCounted(g, notice));
                return true;
            }
        }
        var routes = _router.Match(notice);
        if (routes.All(r => r.Receivers.Count == 0))
        {
            counters.CountUnrouted();
            return false;
        }
        foreach (var route in routes)
        {
            foreach (var receiver in route.Receivers)
            {
                var group = GroupFor(route, receiver, NotificationGroup.LabelsOf(notice, route.Policy.GroupBy), now + route.Policy.Wait);
                PutCounted(group, notice);
                LeaveOldGroups(notice.IncidentId, route, receiver, group);
            }
        }
        return true;
    }

    /// <summary>
    /// An incident whose labels changed (a raised severity) moved to another group of the same route and
    /// receiver: the old group lets it go, so its receiver hears it resolve once and is never re-sent the stale state.
    /// </summary>
    private void LeaveOldGroups(string incidentId, NoticeRoute route, string receiver, NotificationGroup? current)
    {
        foreach (var old in _groups.Values.Where(g => g != current && g.Route.Index == route.Index && g.Receiver == receiver).ToList())
        {
            if (old.Forget(incidentId) && old.IsEmpty)
            {
                _groups.Remove(old.Key);
            }
        }
    }

    /// <summary>Messages of every group that is due at <paramref name="now"/>; emptied groups are forgotten.</summary>
    public List<NotificationMessage> TakeDue(DateTimeOffset now)
    {
        var due = new List<NotificationMessage>();
        foreach (var group in _groups.Values.Where(g => g.NextFlush <= now).ToList())
        {
            if (group.Flush(now) is { } message)
            {
                due.Add(message);
            }
            if (group.IsEmpty)
            {
                _groups.Remove(group.Key);
            }
        }
        return due;
    }

    /// <summary>A message its receiver failed or could not queue goes back to its group (recreated if gone).</summary>
    public void Return(NotificationMessage message, DateTimeOffset now)
    {
        var route = _router.Route(message.RouteIndex);
        if (GroupFor(route, message.Receiver, message.GroupLabels, now + route.Policy.Interval) is { } group)
        {
            group.Return(message, options.MaxNoticesPerGroup);
        }
        else
        {
            counters.CountDropped(DropReason.GroupLimit, message.Notices.Count);
        }
    }

    private NotificationGroup? GroupFor(NoticeRoute route, string receiver, IReadOnlyDictionary<string, string> labels, DateTimeOffset firstFlush)
    {
        var key = $"{route.Index}/{receiver}/{string.Join(',', labels.Select(l => $"{l.Key}={l.Value}"))}";
        if (_groups.TryGetValue(key, out var group))
        {
            return group;
        }
        if (_groups.Count >= options.MaxGroups)
        {
            return null;
        }
        group = new NotificationGroup(key, route, receiver, labels, firstFlush);
        _groups.Add(key, group);
        return group;
    }

    private void PutCounted(NotificationGroup? group, IncidentNotice notice)
    {
        if (group is null)
        {
            counters.CountDropped(DropReason.GroupLimit, 1);
        }
        else if (!group.Put(notice, options.MaxNoticesPerGroup))
        {
            counters.CountDropped(DropReason.GroupFull, 1);
        }
    }
}

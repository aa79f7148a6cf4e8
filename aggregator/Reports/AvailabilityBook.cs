using Warden.Aggregator.Incidents;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Reports;

/// <summary>
/// Downtime per host, per component and for the fleet. A host is observed from the later of the
/// period start and its first Hello; a component over the whole period. An outage (P0–P2) is
/// downtime for every host and component it touches (its own component and its children's).
/// </summary>
internal sealed class AvailabilityBook
{
    private readonly DateTime _start;
    private readonly DateTime _end;
    private readonly SortedDictionary<string, Downtime> _hosts = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Downtime> _components = new(StringComparer.Ordinal);

    public AvailabilityBook(DateTime start, DateTime end, IEnumerable<StoredHost> hosts, IEnumerable<StoredCheck> checks)
    {
        _start = start;
        _end = end;
        foreach (var host in hosts)
        {
            _hosts[host.Id] = new Downtime(host.FirstSeen > start ? host.FirstSeen : start, end);
        }

        foreach (var component in checks.Select(c => c.Component).Where(c => c.Length > 0))
        {
            ComponentDowntime(component);
        }
    }

    /// <summary>Adds every outage; incidents merged into another add downtime but no failure (the other counts it).</summary>
    public void AddAll(IEnumerable<Incident> incidents)
    {
        foreach (var incident in incidents.Where(ResilienceReporter.IsOutage))
        {
            var countFailure = incident.MergedInto is null;
            var components = incident.Children.Select(c => c.Component).Append(incident.Component)
                .Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            foreach (var episode in IncidentEpisodes.Of(incident))
            {
                foreach (var host in incident.Hosts)
                {
                    HostDowntime(host).Add(episode, countFailure);
                }

                foreach (var component in components)
                {
                    ComponentDowntime(component).Add(episode, countFailure);
                }
            }
        }
    }

    public void WriteTo(ResilienceReport report)
    {
        report.Hosts.Add(_hosts.Select(p => Line(p.Key, p.Value)));
        report.Components.Add(_components.Select(p => Line(p.Key, p.Value)));
        var observed = _hosts.Values.Sum(d => d.Observed.TotalSeconds);
        var down = _hosts.Values.Sum(d => d.Down.TotalSeconds);
        report.Fleet = new AvailabilityLine
        {
            Subject = "fleet",
            ObservedSeconds = observed,
            DownSeconds = down,
            Availability = observed > 0 ? 1 - (down / observed) : 1,
            Failures = (uint)_hosts.Values.Sum(d => d.Failures),
        };
    }

    private static AvailabilityLine Line(string subject, Downtime d) => new()
    {
        Subject = subject,
        Availability = d.Availability,
        DownSeconds = d.Down.TotalSeconds,
        ObservedSeconds = d.Observed.TotalSeconds,
        Failures = (uint)d.Failures,
    };

    // A host in an incident but not in the registry (removed since) is observed over the whole period.
    private Downtime HostDowntime(string host) =>
        _hosts.TryGetValue(host, out var d) ? d : _hosts[host] = new Downtime(_start, _end);

    private Downtime ComponentDowntime(string component) =>
        _components.TryGetValue(component, out var d) ? d : _components[component] = new Downtime(_start, _end);
}

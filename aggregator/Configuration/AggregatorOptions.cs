using Warden.Aggregator.Notifications;

namespace Warden.Aggregator.Configuration;

/// <summary>
/// The aggregator's configuration file (default /etc/warden/aggregator.json; JSON with // comments).
/// Every key is documented in packaging/etc/aggregator.json.
/// </summary>
public sealed class AggregatorOptions
{
    public const string DefaultPath = "/etc/warden/aggregator.json";

    /// <summary>
    /// Where agents and operators connect: http://ADDRESS:PORT, HTTP/2 without TLS, loopback only
    /// until mutual TLS lands (DESIGN.md, "Trust"). Port 0 picks a free port.
    /// </summary>
    public string Listen { get; set; } = "http://127.0.0.1:7400";

    /// <summary>Folder of the aggregator's database.</summary>
    public string StateDirectory { get; set; } = "/var/lib/warden-aggregator";

    /// <summary>Database file name, relative to StateDirectory unless absolute.</summary>
    public string DatabaseFile { get; set; } = "warden.db";

    /// <summary>Receivers, routes and grouping of incident notifications (README "Notifications").</summary>
    public NotificationOptions Notifications { get; set; } = new();
    /// <summary>The incident engine: classification rules, correlation, lifecycle and escalation.</summary>
    public Incidents.IncidentOptions Incidents { get; set; } = new();

    public string DatabasePath => Path.Combine(StateDirectory, DatabaseFile);
}

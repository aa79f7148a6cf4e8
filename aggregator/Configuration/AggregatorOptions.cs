using Warden.Aggregator.Notifications;

namespace Warden.Aggregator.Configuration;

/// <summary>
/// The aggregator's configuration file (default /etc/warden/aggregator.json; JSON with // comments).
/// Every key is documented in packaging/etc/warden/aggregator.json.
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

    public IngestOptions Ingest { get; set; } = new();

    public LivenessOptions Liveness { get; set; } = new();

    public RecentReadingsOptions RecentReadings { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    public RetentionOptions Retention { get; set; } = new();

    public string DatabasePath => Path.Combine(StateDirectory, DatabaseFile);
}

/// <summary>The group-commit pipeline between the agents' streams and the store.</summary>
public sealed class IngestOptions
{
    /// <summary>Records waiting for the writer, all streams together; when full, streams stop reading (backpressure).</summary>
    public int QueueCapacity { get; set; } = 8192;

    /// <summary>Most records stored in one transaction and checkpoint.</summary>
    public int MaxBatchRecords { get; set; } = 2048;

    /// <summary>Records one stream may have queued or being stored before it stops reading.</summary>
    public int MaxInFlightPerStream { get; set; } = 512;

    /// <summary>
    /// Host documents (last seen, latest readings, stored sequences) changed only by sample batches
    /// are written at most this often; a restart replays the sample pages stored after them.
    /// </summary>
    public double HostFlushSeconds { get; set; } = 5;
}

/// <summary>When a host counts as silent or offline.</summary>
public sealed class LivenessOptions
{
    /// <summary>Shipping interval assumed until a host's sample batches show its own.</summary>
    public double DefaultShipIntervalSeconds { get; set; } = 10;

    /// <summary>Silent after nothing for this many of the host's shipping intervals.</summary>
    public double SilentAfterIntervals { get; set; } = 3;

    /// <summary>Offline after nothing for this long.</summary>
    public double OfflineAfterSeconds { get; set; } = 300;
}

/// <summary>The in-memory window of recent sample batches per host (live views, incident evidence).</summary>
public sealed class RecentReadingsOptions
{
    public double WindowMinutes { get; set; } = 10;

    public int MaxBatchesPerHost { get; set; } = 90;
}

/// <summary>/metrics in Prometheus text format, on its own HTTP/1.1 listener.</summary>
public sealed class MetricsOptions
{
    /// <summary>http://IP:PORT; loopback only until TLS lands. Empty turns /metrics off.</summary>
    public string Listen { get; set; } = "http://127.0.0.1:7401";
}

/// <summary>How long stored batches are kept; enforced in small chunks in the background.</summary>
public sealed class RetentionOptions
{
    public double SamplesDays { get; set; } = 2;

    public double EventsDays { get; set; } = 90;

    public double SweepIntervalSeconds { get; set; } = 60;

    /// <summary>Batches deleted per transaction, so ingest waits at most one small chunk.</summary>
    public int ChunkRecords { get; set; } = 500;
}

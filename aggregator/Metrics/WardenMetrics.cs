using Prometheus;

namespace Warden.Aggregator.Metrics;

/// <summary>Warden's own figures on /metrics (prometheus-net), in a registry of this aggregator's own.</summary>
public sealed class WardenMetrics
{
    public WardenMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        RecordsStored = factory.CreateCounter("warden_records_stored_total", "Records stored durably, by kind.", "kind");
        Duplicates = factory.CreateCounter("warden_records_duplicate_total", "Records received again and acknowledged without storing.");
        CommitRecords = factory.CreateHistogram("warden_commit_batch_records", "Records per group commit.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(1, 2, 13) });
        CommitSeconds = factory.CreateHistogram("warden_commit_seconds", "Time of one group commit (transaction and checkpoint).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });
        CommitFailures = factory.CreateCounter("warden_commit_failures_total", "Group commits that failed (their records were not acknowledged).");
        QueueDepth = factory.CreateGauge("warden_ingest_queue_depth", "Records waiting for the writer.");
        Streams = factory.CreateGauge("warden_agent_streams", "Agent streams open now.");
        Hosts = factory.CreateGauge("warden_hosts", "Known hosts by liveness.", "liveness");
        RetentionDeleted = factory.CreateCounter("warden_retention_deleted_total", "Stored batches deleted for age, by collection.", "collection");
        ProcessFigures.Register(Registry, factory);
    }

    public CollectorRegistry Registry { get; }

    public Counter RecordsStored { get; }

    public Counter Duplicates { get; }

    public Histogram CommitRecords { get; }

    public Histogram CommitSeconds { get; }

    public Counter CommitFailures { get; }

    public Gauge QueueDepth { get; }

    public Gauge Streams { get; }

    public Gauge Hosts { get; }

    public Counter RetentionDeleted { get; }
}

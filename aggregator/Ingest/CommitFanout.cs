using Warden.Aggregator.Fleet;
using Warden.Aggregator.Metrics;
using Warden.Aggregator.Storage;

namespace Warden.Aggregator.Ingest;

/// <summary>
/// After a commit is durable and before its records are acknowledged: the fleet view, the recent
/// window and the figures take it in, and every observer hears of each stored (never duplicate) record.
/// </summary>
public sealed class CommitFanout(HostRegistry registry, RecentReadings recent, IEnumerable<IFleetObserver> observers, WardenMetrics metrics,
    ILogger<CommitFanout> logger)
{
    private readonly IFleetObserver[] _observers = [.. observers];
    // Looked up once: a labelled child costs a dictionary lookup and an array per call.
    private readonly Prometheus.Counter.Child _samplesStored = metrics.RecordsStored.WithLabels("samples");
    private readonly Prometheus.Counter.Child _eventsStored = metrics.RecordsStored.WithLabels("events");

    public void Committed(IReadOnlyList<IngestRecord> records, CommitResult result)
    {
        var revived = registry.Committed(records, result);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Hello is not null)
            {
                continue;
            }
            if (result.Outcomes[i] == StoreOutcome.Duplicate)
            {
                metrics.Duplicates.Inc();
                continue;
            }
            if (record.Samples is { } samples)
            {
                recent.Add(record.Host, samples, record.ReceivedAt);
                _samplesStored.Inc();
            }
            else
            {
                _eventsStored.Inc();
            }
            FleetObservers.Stored(_observers, record, logger);
        }
        foreach (var (host, liveness) in revived)
        {
            Log.LivenessChanged(logger, host, liveness);
            FleetObservers.LivenessChanged(_observers, host, liveness, records[^1].ReceivedAt, logger);
        }
    }
}

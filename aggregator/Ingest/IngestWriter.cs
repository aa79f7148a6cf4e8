using System.Diagnostics;
using Warden.Aggregator.Configuration;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Metrics;
using Warden.Aggregator.Storage;

namespace Warden.Aggregator.Ingest;

/// <summary>
/// The single writer: takes what is queued (up to Ingest:MaxBatchRecords), stores it in one
/// transaction and checkpoint, updates the fleet view, tells the observers, and only then
/// completes each record so that its stream acknowledges it.
/// </summary>
public sealed class IngestWriter(IngestQueue queue, ISiteStore store, CommitFanout fanout, WardenMetrics metrics, AggregatorOptions options,
    ILogger<IngestWriter> logger) : BackgroundService
{
    private readonly List<PendingRecord> _batch = new(options.Ingest.MaxBatchRecords);
    private readonly List<IngestRecord> _records = new(options.Ingest.MaxBatchRecords);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                Take();
                CommitTaken();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Take()
    {
        _batch.Clear();
        _records.Clear();
        while (_batch.Count < options.Ingest.MaxBatchRecords && queue.Reader.TryRead(out var pending))
        {
            _batch.Add(pending);
            _records.Add(pending.Record);
        }
        metrics.QueueDepth.Set(queue.Depth);
    }

    private void CommitTaken()
    {
        var started = Stopwatch.GetTimestamp();
        CommitResult result;
        try
        {
            result = store.StoreBatch(_records);
        }
        catch (Exception e) when (e is IOException or LiteDB.LiteException or InvalidOperationException or UnauthorizedAccessException)
        {
            metrics.CommitFailures.Inc();
            Log.CommitFailed(logger, _records.Count, e);
            var error = new IOException($"the aggregator could not store the record: {e.Message}", e);
            foreach (var pending in _batch)
            {
                pending.Fail(error);
            }
            return;
        }
        metrics.CommitSeconds.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        metrics.CommitRecords.Observe(_records.Count);
        fanout.Committed(_records, result);
        for (var i = 0; i < _batch.Count; i++)
        {
            _batch[i].Complete(result.Outcomes[i]);
        }
    }
}

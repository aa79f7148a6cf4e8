using Warden.Aggregator.Configuration;
using Warden.Aggregator.Metrics;

namespace Warden.Aggregator.Storage;

/// <summary>
/// Deletes stored sample and event batches older than Retention:SamplesDays / EventsDays, every
/// Retention:SweepIntervalSeconds, in transactions of Retention:ChunkRecords so that the writer
/// never waits for more than one small chunk. Check states and hosts are kept.
/// </summary>
public sealed class RetentionSweeper(ISiteStore store, TimeProvider time, AggregatorOptions options, WardenMetrics metrics,
    ILogger<RetentionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Retention.SweepIntervalSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One sweep: chunk after chunk until nothing is older than the cutoffs. Returns how many were deleted.</summary>
    public async Task<(int Samples, int Events)> SweepAsync(CancellationToken token)
    {
        var now = time.GetUtcNow();
        var samples = await DeleteAsync("samples", cutoff => store.DeleteSamplesBefore(cutoff, options.Retention.ChunkRecords),
            now - TimeSpan.FromDays(options.Retention.SamplesDays), token);
        var events = await DeleteAsync("events", cutoff => store.DeleteEventsBefore(cutoff, options.Retention.ChunkRecords),
            now - TimeSpan.FromDays(options.Retention.EventsDays), token);
        if (samples + events > 0)
        {
            Log.RetentionSwept(logger, samples, events);
        }
        return (samples, events);
    }

    private async Task<int> DeleteAsync(string collection, Func<DateTimeOffset, int> deleteChunk, DateTimeOffset cutoff, CancellationToken token)
    {
        var total = 0;
        while (!token.IsCancellationRequested)
        {
            var deleted = deleteChunk(cutoff);
            total += deleted;
            metrics.RetentionDeleted.WithLabels(collection).Inc(deleted);
            if (deleted < options.Retention.ChunkRecords)
            {
                break;
            }
            await Task.Yield(); // let queued ingest commits in between chunks
        }
        return total;
    }
}

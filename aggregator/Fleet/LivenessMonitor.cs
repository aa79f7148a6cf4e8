using Warden.Aggregator.Ingest;
using Warden.Aggregator.Metrics;

namespace Warden.Aggregator.Fleet;

/// <summary>
/// Once a second (of the injected clock) re-judges every host's liveness and tells the observers of
/// each change. While the ingest queue pushes back, hosts with an open stream count as heard: an
/// overloaded aggregator must not take its own backlog for 5,000 silent hosts and a partition.
/// </summary>
public sealed class LivenessMonitor(HostRegistry registry, IEnumerable<IFleetObserver> observers, TimeProvider time, WardenMetrics metrics,
    ILogger<LivenessMonitor> logger, IngestQueue? queue = null) : IHostedService, IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly IFleetObserver[] _observers = [.. observers];
    private ITimer? _timer;
    private long _waits;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = time.CreateTimer(_ => Judge(), null, Period, Period);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Judge()
    {
        var now = time.GetUtcNow();
        var waits = queue?.Waits ?? 0;
        if (queue is not null && (queue.PushingBack || waits != _waits))
        {
            // Pushing back now, or at some moment since the last look (the queue drains and fills between looks).
            registry.HeardOpenStreams(now);
        }
        _waits = waits;
        foreach (var (host, liveness) in registry.JudgeLiveness(now))
        {
            Log.LivenessChanged(logger, host, liveness);
            FleetObservers.LivenessChanged(_observers, host, liveness, now, logger);
        }
        foreach (var (liveness, count) in registry.CountByLiveness())
        {
            metrics.Hosts.WithLabels(liveness.ToString().ToLowerInvariant()).Set(count);
        }
    }

    public void Dispose() => _timer?.Dispose();
}

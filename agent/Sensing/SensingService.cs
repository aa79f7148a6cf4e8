using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Warden.Agent.Configuration;
using Warden.Agent.Streaming;

namespace Warden.Agent.Sensing;

/// <summary>
/// Senses the host every sense interval and, every ship interval, hands a summary of the window to
/// the pending records for the aggregator.
/// </summary>
internal sealed class SensingService : BackgroundService
{
    private readonly HostSensor _sensor;
    private readonly PendingRecords _pending;
    private readonly TimeProvider _time;
    private readonly ILogger<SensingService> _logger;
    private readonly TimeSpan _senseInterval;
    private readonly TimeSpan _shipInterval;
    private readonly HostReadings _readings = new();
    private readonly ReadingWindow _window;
    private readonly object _gate = new();
    private string? _lastProblem;

    public SensingService(HostSensor sensor, PendingRecords pending, AgentOptions options, TimeProvider time, ILogger<SensingService> logger)
    {
        _sensor = sensor;
        _pending = pending;
        _time = time;
        _logger = logger;
        _senseInterval = TimeSpan.FromSeconds(options.Sampling.SenseIntervalSeconds);
        _shipInterval = TimeSpan.FromSeconds(options.Sampling.ShipIntervalSeconds);
        _window = new ReadingWindow(time.GetUtcNow());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SenseOnce();
        using var timer = new PeriodicTimer(_senseInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                SenseOnce();
                // Ship on the tick that ends the window; half a sense interval of slack absorbs timer jitter.
                if (_time.GetUtcNow() - _window.Start >= _shipInterval - _senseInterval / 2)
                {
                    Ship();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Senses and ships the current window now (the aggregator's CollectNow command).</summary>
    public void CollectNow()
    {
        SenseOnce();
        Ship();
    }

    private void SenseOnce()
    {
        lock (_gate)
        {
            _sensor.Sense(_readings);
            _window.Add(_readings);
            var problem = _sensor.LastProblem;
            if (problem is not null && problem != _lastProblem)
            {
                Log.SenseProblem(_logger, problem);
            }
            _lastProblem = problem;
        }
    }

    private void Ship()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var droppedBefore = _pending.Dropped;
            _pending.Add(_window.ToBatch(now));
            _window.Reset(now);
            if (_pending.Dropped != droppedBefore)
            {
                Log.Dropped(_logger, _pending.Dropped, _pending.Count);
            }
        }
    }
}

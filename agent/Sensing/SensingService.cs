using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Warden.Agent.Cgroups;
using Warden.Agent.Checks;
using Warden.Agent.Configuration;
using Warden.Agent.State;
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
    private readonly long _maxSpoolBytes;
    private readonly HostReadings _readings = new();
    private readonly ReadingWindow _window;
    private readonly object _gate = new();
    private string? _lastProblem;
    private DateTimeOffset? _lastSensed;

    private readonly CheckRunner _checks;
    private readonly StatusReporter _status;
    private readonly CgroupSensor _cgroups;

    public SensingService(HostSensor sensor, PendingRecords pending, CheckRunner checks, StatusReporter status, AgentOptions options,
        TimeProvider time, ILogger<SensingService> logger)
    {
        _sensor = sensor;
        _checks = checks;
        _status = status;
        _pending = pending;
        _time = time;
        _logger = logger;
        _senseInterval = TimeSpan.FromSeconds(options.Sampling.SenseIntervalSeconds);
        _shipInterval = TimeSpan.FromSeconds(options.Sampling.ShipIntervalSeconds);
        _maxSpoolBytes = options.Spool.MaxBytes;
        _window = new ReadingWindow(time.GetUtcNow());
        _cgroups = new CgroupSensor(new CgroupStatsReader(CgroupHierarchy.Open(options.Paths)), time);
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

    /// <summary>When the sensing loop last completed a pass; the systemd watchdog pings only while it moves.</summary>
    public DateTimeOffset? LastSensed
    {
        get { lock (_gate) { return _lastSensed; } }
    }

    /// <summary>On SIGTERM: the loop ends, then the part window is shipped to the spool so nothing sensed is lost.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Ship();
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
            _lastSensed = _time.GetUtcNow();
        }
    }

    // score.host and score.<component>, as they stand when the window closes.
    private static void AddScores(Warden.Proto.V1.SampleBatch batch, HostHealth health)
    {
        foreach (var (component, score) in health.Components)
        {
            batch.Readings.Add(Score("score." + CheckNames.Of(component), score));
        }
        if (health.Score is { } host)
        {
            batch.Readings.Add(Score("score.host", host));
        }
    }

    private static Warden.Proto.V1.Reading Score(string name, double value) =>
        new() { Name = name, Last = value, Min = value, Max = value, Count = 1 };

    private void AddCgroups(Warden.Proto.V1.SampleBatch batch)
    {
        try
        {
            _cgroups.AddTo(batch);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.CgroupSenseFailed(_logger, e.Message);
        }
    }

    private void Ship()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var droppedBefore = _pending.Dropped;
            var batch = _window.ToBatch(now);
            var health = HealthScore.Of(_checks.Latest());
            var spool = _pending.Health(now);
            AddScores(batch, health);
            AddCgroups(batch);
            ExecReadings.AddTo(batch, _checks.Checks);
            spool.AddTo(batch);
            _status.AddReadings(batch, now);
            _pending.Add(batch);
            _status.Write(now, health, spool, _pending.LastAcknowledged);
            _window.Reset(now);
            if (_pending.TakeSpoolError() is { } error)
            {
                Log.SpoolFailed(_logger, error);
            }
            if (_pending.Dropped != droppedBefore)
            {
                Log.Dropped(_logger, _pending.Dropped, _maxSpoolBytes);
            }
        }
    }
}

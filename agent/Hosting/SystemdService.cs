using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Warden.Agent.Hosting;

/// <summary>
/// Tells systemd (Type=notify) when the agent is ready and when it stops, and pings its watchdog
/// at half the period, but only while the sensing loop keeps running: a hung agent is restarted.
/// </summary>
internal sealed class SystemdService(SystemdNotifier notifier, TimeSpan? watchdog, Func<DateTimeOffset?> lastSensed,
    TimeSpan senseInterval, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<SystemdService> logger) : BackgroundService
{
    private bool _withheld;

    /// <summary>How stale the sensing loop may be and still count as alive.</summary>
    public TimeSpan StaleAfter => Max(watchdog ?? TimeSpan.Zero, 2 * senseInterval);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.SystemdNotify(logger, notifier.SocketPath, watchdog is { } w ? $"every {w / 2} (WatchdogSec {w})" : "off");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        Notify("READY=1\nSTATUS=sensing and streaming");
        try
        {
            // Runs until the agent stops, like every other service (ServiceRun takes an early end for a failure).
            await (watchdog is { } period ? PingAsync(period, stoppingToken) : Task.Delay(Timeout.Infinite, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PingAsync(TimeSpan period, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period / 2, time);
        do
        {
            Tick();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One watchdog period's half: WATCHDOG=1 if sensing ran recently; true when sent.</summary>
    public bool Tick()
    {
        var age = time.GetUtcNow() - (lastSensed() ?? DateTimeOffset.MinValue);
        if (age > StaleAfter)
        {
            if (!_withheld)
            {
                Log.WatchdogWithheld(logger, age);
            }
            _withheld = true;
            return false;
        }
        _withheld = false;
        return Notify("WATCHDOG=1");
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        Notify("STOPPING=1");
        return base.StopAsync(cancellationToken);
    }

    private bool Notify(string state)
    {
        try
        {
            notifier.Send(state);
            return true;
        }
        catch (SocketException e)
        {
            Log.SystemdNotifyFailed(logger, notifier.SocketPath, e.Message);
            return false;
        }
    }

    public override void Dispose()
    {
        notifier.Dispose();
        base.Dispose();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Warden.Agent.Hosting;

/// <summary>
/// Runs the agent's background services until SIGTERM or SIGINT (or until one of them fails), then
/// stops them in reverse order. The lifetime is marked started once they all run (SystemdService
/// sends READY=1 then) and stopping on the way out.
/// </summary>
internal static class ServiceRun
{
    /// <returns>0 after a signal; 1 when a service failed.</returns>
    /// <param name="stopRequested">Stops the run like a signal does (tests).</param>
    public static async Task<int> RunAsync(IReadOnlyList<BackgroundService> services, ILogger logger, CancellationToken stopRequested = default,
        ServiceLifetime? lifetime = null)
    {
        using var ownLifetime = lifetime is null ? new ServiceLifetime() : null;
        var run = lifetime ?? ownLifetime!;
        using var requested = stopRequested.Register(run.StopApplication);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // stop in order instead of the runtime's immediate exit
            run.StopApplication();
        }
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);

        foreach (var service in services)
        {
            // Not the stop token: a service's own token is cancelled by StopAsync below, in order.
            await service.StartAsync(CancellationToken.None);
        }
        run.NotifyStarted();
        var stopping = run.ApplicationStopping;
        var stopped = Task.Delay(Timeout.Infinite, stopping).ContinueWith(static _ => { }, TaskScheduler.Default);
        var running = services.Select(s => s.ExecuteTask ?? Task.CompletedTask).ToList();
        var first = await Task.WhenAny([stopped, .. running]);
        var exitCode = 0;
        if (first != stopped && !stopping.IsCancellationRequested)
        {
            var failed = services[running.IndexOf(first)];
            Log.ServiceEnded(logger, failed.GetType().Name, first.Exception?.GetBaseException().Message ?? "it returned");
            exitCode = 1;
        }
        run.StopApplication();
        for (var i = services.Count - 1; i >= 0; i--)
        {
            await services[i].StopAsync(CancellationToken.None);
        }
        run.NotifyStopped();
        return exitCode;
    }
}

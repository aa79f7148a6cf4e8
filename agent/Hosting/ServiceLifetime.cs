using Microsoft.Extensions.Hosting;

namespace Warden.Agent.Hosting;

/// <summary>
/// The agent's run as <see cref="IHostApplicationLifetime"/> without a host: <see cref="ServiceRun"/>
/// marks it started once every service runs; a signal or <see cref="StopApplication"/> stops it.
/// </summary>
internal sealed class ServiceLifetime : IHostApplicationLifetime, IDisposable
{
    private readonly CancellationTokenSource _started = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _stopped = new();

    public CancellationToken ApplicationStarted => _started.Token;

    public CancellationToken ApplicationStopping => _stopping.Token;

    public CancellationToken ApplicationStopped => _stopped.Token;

    public void StopApplication() => _stopping.Cancel();

    internal void NotifyStarted() => _started.Cancel();

    internal void NotifyStopped() => _stopped.Cancel();

    public void Dispose()
    {
        _started.Dispose();
        _stopping.Dispose();
        _stopped.Dispose();
    }
}

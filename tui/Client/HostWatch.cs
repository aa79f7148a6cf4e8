using Warden.Proto.V1;

namespace Warden.Tui.Client;

/// <summary>Keeps a WatchHosts stream open: on any drop it reports the loss, waits out the backoff and calls again.</summary>
internal sealed class HostWatch(IHostUpdateSource source, IHostFeedObserver observer, TimeProvider time, ReconnectBackoff backoff)
{
    public Task RunAsync(CancellationToken cancellationToken) =>
        new StreamWatch<HostUpdate>(source.WatchAsync, Dispatch, observer.ConnectionLost, time, backoff).RunAsync(cancellationToken);

    private void Dispatch(HostUpdate update)
    {
        switch (update.BodyCase)
        {
            case HostUpdate.BodyOneofCase.Host:
                observer.HostUpserted(update.Host);
                break;
            case HostUpdate.BodyOneofCase.SnapshotEnd:
                backoff.Reset();
                observer.SnapshotEnded(update.SnapshotEnd.ServerTime?.ToDateTimeOffset() ?? time.GetUtcNow());
                break;
            default:
                // A body added by a newer aggregator: ignore it (proto compatibility rules).
                break;
        }
    }
}

using Grpc.Core;
using Warden.Proto.V1;

namespace Warden.Tui.Client;

/// <summary>Keeps a WatchHosts stream open: on any drop it reports the loss, waits out the backoff and calls again.</summary>
internal sealed class HostWatch(IHostUpdateSource source, IHostFeedObserver observer, TimeProvider time, ReconnectBackoff backoff)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                await foreach (HostUpdate update in source.WatchAsync(cancellationToken).ConfigureAwait(false))
                {
                    Dispatch(update);
                }

                reason = "the aggregator ended the stream";
            }
            catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
            {
                reason = RpcFailure.Describe(ex);
            }
            catch (Exception ex) when ((ex is OperationCanceledException or RpcException) && cancellationToken.IsCancellationRequested)
            {
                // Grpc.Net.Client reports our own cancellation as RpcException(Cancelled).
                return;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            TimeSpan delay = backoff.Next();

            // Start the timer before telling anyone, so a test that advances a fake clock on the
            // loss notice always finds the timer already armed.
            Task wait = Task.Delay(delay, time, cancellationToken);
            observer.ConnectionLost(reason, delay);
            try
            {
                await wait.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

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

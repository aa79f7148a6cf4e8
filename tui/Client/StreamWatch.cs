using Grpc.Core;

namespace Warden.Tui.Client;

/// <summary>
/// Keeps one server stream open (WatchHosts, WatchIncidents): every update goes to
/// <paramref name="dispatch"/>; on any drop it reports the loss, waits out the backoff and calls
/// again. Whoever sees a snapshot end resets the backoff.
/// </summary>
internal sealed class StreamWatch<TUpdate>(
    Func<CancellationToken, IAsyncEnumerable<TUpdate>> watch,
    Action<TUpdate> dispatch,
    Action<string, TimeSpan> lost,
    TimeProvider time,
    ReconnectBackoff backoff)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                await foreach (TUpdate update in watch(cancellationToken).ConfigureAwait(false))
                {
                    dispatch(update);
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
            lost(reason, delay);
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
}

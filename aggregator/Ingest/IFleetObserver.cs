using Warden.Aggregator.Fleet;
using Warden.Proto.V1;

namespace Warden.Aggregator.Ingest;

/// <summary>
/// Told of what reaches the site's state, after it is durable: every stored record (never a
/// duplicate) and every change of a host's liveness. The incident engine is one observer.
/// Implementations return quickly (queue work for later); they run on the ingest path.
/// </summary>
public interface IFleetObserver
{
    void SamplesStored(string host, SampleBatch batch, DateTimeOffset receivedAt);

    void EventsStored(string host, EventBatch batch, DateTimeOffset receivedAt);

    void LivenessChanged(string host, HostLiveness liveness, DateTimeOffset at);
}

using Warden.Aggregator.Fleet;
using Warden.Aggregator.Storage;

namespace Warden.Aggregator.Ingest;

/// <summary>Calls every registered IFleetObserver; one that throws is logged and never stops the others or ingest.</summary>
internal static class FleetObservers
{
    public static void Stored(IFleetObserver[] observers, IngestRecord record, ILogger logger)
    {
        foreach (var observer in observers)
        {
            try
            {
                if (record.Samples is { } samples)
                {
                    observer.SamplesStored(record.Host, samples, record.ReceivedAt);
                }
                else if (record.Events is { } events)
                {
                    observer.EventsStored(record.Host, events, record.ReceivedAt);
                }
            }
            catch (Exception e)
            {
                Log.ObserverFailed(logger, observer.GetType().Name, record.Host, e);
            }
        }
    }

    public static void LivenessChanged(IFleetObserver[] observers, string host, HostLiveness liveness, DateTimeOffset at, ILogger logger)
    {
        foreach (var observer in observers)
        {
            try
            {
                observer.LivenessChanged(host, liveness, at);
            }
            catch (Exception e)
            {
                Log.ObserverFailed(logger, observer.GetType().Name, host, e);
            }
        }
    }
}

using Warden.Proto.V1;

namespace Warden.Aggregator.Fleet;

/// <summary>
/// The bounded in-memory window of each host's recent sample batches (RecentReadings:WindowMinutes,
/// at most RecentReadings:MaxBatchesPerHost), for live views and incident evidence. Batches are
/// added once they are durable. Returned batches are fresh copies the caller may keep.
/// </summary>
public interface IRecentReadings
{
    /// <summary>The host's batches whose window overlaps [at - span, at + span], oldest first; empty if none.</summary>
    IReadOnlyList<SampleBatch> Around(string host, DateTimeOffset at, TimeSpan span);

    /// <summary>Every batch of the host still in the window, oldest first.</summary>
    IReadOnlyList<SampleBatch> Recent(string host);
}

using Warden.Proto.V1;

namespace Warden.Tui.Client;

/// <summary>What a host watch reports, in order: upserts, a snapshot end, upserts, and losses.</summary>
internal interface IHostFeedObserver
{
    void HostUpserted(HostSummary host);

    void SnapshotEnded(DateTimeOffset serverTime);

    /// <summary>The stream failed or ended; the next attempt starts after <paramref name="retryIn"/>.</summary>
    void ConnectionLost(string reason, TimeSpan retryIn);
}

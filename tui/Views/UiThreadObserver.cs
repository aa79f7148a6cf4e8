using Warden.Proto.V1;
using Warden.Tui.Client;

namespace Warden.Tui.Views;

/// <summary>Forwards feed events from the gRPC reader's thread to the UI thread, where the view model lives.</summary>
internal sealed class UiThreadObserver(IHostFeedObserver inner, Action<Action> post) : IHostFeedObserver
{
    public void HostUpserted(HostSummary host) => post(() => inner.HostUpserted(host));

    public void SnapshotEnded(DateTimeOffset serverTime) => post(() => inner.SnapshotEnded(serverTime));

    public void ConnectionLost(string reason, TimeSpan retryIn) => post(() => inner.ConnectionLost(reason, retryIn));
}

/// <summary>The same for the incident feed.</summary>
internal sealed class UiThreadIncidentObserver(IIncidentFeedObserver inner, Action<Action> post) : IIncidentFeedObserver
{
    public void IncidentUpserted(IncidentSummary incident) => post(() => inner.IncidentUpserted(incident));

    public void SnapshotEnded(DateTimeOffset serverTime) => post(() => inner.SnapshotEnded(serverTime));

    public void ConnectionLost(string reason, TimeSpan retryIn) => post(() => inner.ConnectionLost(reason, retryIn));
}

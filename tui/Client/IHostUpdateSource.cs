using Warden.Proto.V1;

namespace Warden.Tui.Client;

/// <summary>One WatchHosts call; seam so reconnect logic is testable without a server.</summary>
internal interface IHostUpdateSource
{
    IAsyncEnumerable<HostUpdate> WatchAsync(CancellationToken cancellationToken);
}

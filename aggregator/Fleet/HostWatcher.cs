using Warden.Aggregator.Api;

namespace Warden.Aggregator.Fleet;

/// <summary>One operator's subscription to host changes: the names changed since it last looked.</summary>
public sealed class HostWatcher : ChangeWatcher<string>
{
    private readonly HostRegistry _registry;

    internal HostWatcher(HostRegistry registry) => _registry = registry;

    internal void MarkChanged(string host) => Mark([host]);

    protected override void Unsubscribe() => _registry.Unwatch(this);
}

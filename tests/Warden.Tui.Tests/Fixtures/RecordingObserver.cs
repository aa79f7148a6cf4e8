using System.Threading.Channels;
using Warden.Proto.V1;
using Warden.Tui.Client;

namespace Warden.Tui.Tests.Fixtures;

/// <summary>Records feed events as short strings the test awaits one by one.</summary>
internal sealed class RecordingObserver : IHostFeedObserver
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<string> _events = Channel.CreateUnbounded<string>();

    public void HostUpserted(HostSummary host) => _events.Writer.TryWrite($"host {host.Host}");

    public void SnapshotEnded(DateTimeOffset serverTime) => _events.Writer.TryWrite($"snapshot {serverTime:O}");

    public void ConnectionLost(string reason, TimeSpan retryIn) => _events.Writer.TryWrite($"lost {retryIn.TotalMilliseconds}ms {reason}");

    public async Task<string> NextAsync() => await _events.Reader.ReadAsync().AsTask().WaitAsync(Patience);
}

using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Warden.Proto.V1;
using Warden.Tui.Client;

namespace Warden.Tui.Tests.Fixtures;

/// <summary>A WatchHosts stand-in: every call hands the test a writer, through which it plays the server.</summary>
internal sealed class ScriptedHostSource : IHostUpdateSource
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<ChannelWriter<HostUpdate>> _calls = Channel.CreateUnbounded<ChannelWriter<HostUpdate>>();
    private int _callCount;

    public int CallCount => Volatile.Read(ref _callCount);

    public async IAsyncEnumerable<HostUpdate> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _callCount);
        var stream = Channel.CreateUnbounded<HostUpdate>();
        await _calls.Writer.WriteAsync(stream.Writer, cancellationToken);
        await foreach (HostUpdate update in stream.Reader.ReadAllAsync(cancellationToken))
        {
            yield return update;
        }
    }

    /// <summary>Waits for the watch to open its next call (a signal, not a timer; the timeout only guards a hang).</summary>
    public async Task<ChannelWriter<HostUpdate>> NextCallAsync() =>
        await _calls.Reader.ReadAsync().AsTask().WaitAsync(Patience);
}

using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Warden.FleetSim.Faults;
using Warden.Proto.V1;

namespace Warden.FleetSim;

/// <summary>
/// One simulated agent on its own AgentLink stream: ships sample batches with plausible readings,
/// and does what a scenario tells it (fail or recover a check, heal, go silent), numbering every
/// record in one sequence like the real agent. Acks are counted as they come.
/// </summary>
public sealed partial class SimulatedHost : IAsyncDisposable
{
    private readonly AgentLink.AgentLinkClient _client;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Dictionary<string, SimulatedCheck> _checks = new(StringComparer.Ordinal);
    private readonly List<HostFault> _faults = [];
    private AsyncDuplexStreamingCall<AgentMessage, AggregatorMessage>? _call;
    private Task _reader = Task.CompletedTask;
    private SemaphoreSlim? _window;
    private TaskCompletionSource _acked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastAcked;
    private long _ackCount;
    private long _duplicates;
    private ulong _sequence;

    internal SimulatedHost(string name, AgentLink.AgentLinkClient client, int seed, TimeSpan shipInterval, TimeProvider time, int extraReadings = 0)
    {
        Name = name;
        _client = client;
        _time = time;
        ShipInterval = shipInterval;
        Readings = new ReadingModel(seed, 2 + seed % 15, extraReadings);
    }

    public string Name { get; }

    public TimeSpan ShipInterval { get; }

    /// <summary>The readings it ships; pin one with Readings.Set (a disk filling up, say).</summary>
    public ReadingModel Readings { get; }

    /// <summary>While silent the host sends nothing (its stream stays open unless it was disconnected).</summary>
    public bool Silent { get; private set; }

    public ulong LastSequence => Interlocked.Read(ref _sequence);

    public ulong LastAcked => (ulong)Interlocked.Read(ref _lastAcked);

    public long AckCount => Interlocked.Read(ref _ackCount);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Opens the stream: Hello, then Welcome; continues numbering above what the aggregator has stored.</summary>
    public async Task ConnectAsync(CancellationToken token)
    {
        _call = _client.Connect(cancellationToken: token);
        await _call.RequestStream.WriteAsync(new AgentMessage
        {
            Hello = new Hello
            {
                Host = Name,
                MachineId = "sim-" + Name,
                AgentVersion = "0.1.0-sim",
                LastAckedSequence = LastAcked,
                Kernel = "6.1.0-sim",
                CpuCount = 4,
                Capabilities = { "samples.v1", "events.v1" },
            },
        }, token);
        if (!await _call.ResponseStream.MoveNext(token) || _call.ResponseStream.Current.BodyCase != AggregatorMessage.BodyOneofCase.Welcome)
        {
            throw new InvalidOperationException($"{Name}: the aggregator did not answer the Hello with a Welcome");
        }
        var stored = _call.ResponseStream.Current.Welcome.LastStoredSequence;
        if (stored > _sequence)
        {
            Interlocked.Exchange(ref _sequence, stored);
        }
        _reader = ReadAcksAsync(_call, token);
    }

    /// <summary>Ships one sample batch for the window that ends now (nothing while silent). Returns its sequence, or 0.</summary>
    public Task<ulong> ShipAsync(CancellationToken token = default) => ShipAsync(flush: true, token);

    /// <summary>As ShipAsync; without <paramref name="flush"/> the message is only buffered until a later write flushes.</summary>
    private async Task<ulong> ShipAsync(bool flush, CancellationToken token)
    {
        if (Silent)
        {
            return 0;
        }
        var end = _time.GetUtcNow();
        await StepFaultsAsync(end, token);
        var batch = new SampleBatch
        {
            WindowStart = Timestamp.FromDateTimeOffset(end - ShipInterval),
            WindowEnd = Timestamp.FromDateTimeOffset(end),
        };
        batch.Readings.Add(Readings.Next(ComponentScores()));
        return await SendAsync(s => new AgentMessage { Samples = Numbered(batch, s) }, token, flush);
    }

    /// <summary>Stops sending; with <paramref name="disconnect"/> also ends the stream, like a host that lost the network.</summary>
    public async Task GoSilentAsync(bool disconnect = false)
    {
        Silent = true;
        if (disconnect && _call is { } call)
        {
            call.Dispose();
            await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
            _call = null;
        }
    }

    /// <summary>Talks again (reconnecting first when it was disconnected).</summary>
    public async Task ResumeAsync(CancellationToken token = default)
    {
        if (_call is null)
        {
            await ConnectAsync(token);
        }
        Silent = false;
    }

    /// <summary>Waits until the aggregator has acknowledged <paramref name="sequence"/>.</summary>
    public async Task WaitAckedAsync(ulong sequence, CancellationToken token)
    {
        while (LastAcked < sequence)
        {
            var signal = Volatile.Read(ref _acked).Task;
            if (LastAcked >= sequence)
            {
                break;
            }
            await signal.WaitAsync(token);
        }
    }

    /// <summary>
    /// Sends <paramref name="batches"/> sample batches as fast as acks allow, at most <paramref name="window"/>
    /// unacknowledged. While the window has room the writes are only buffered; the one that fills it
    /// (or the last) flushes them, as an agent draining its spool does.
    /// </summary>
    internal async Task FloodAsync(int batches, int window, CancellationToken token)
    {
        _window = new SemaphoreSlim(window, window);
        ulong last = 0;
        for (var i = 0; i < batches; i++)
        {
            await _window.WaitAsync(token);
            last = await ShipAsync(flush: i + 1 == batches || _window.CurrentCount == 0, token);
        }
        await WaitAckedAsync(last, token);
    }

    private Task<ulong> SendEventAsync(Event e, CancellationToken token) =>
        SendAsync(s => new AgentMessage { Events = new EventBatch { Sequence = s, Events = { e } } }, token);

    private async Task<ulong> SendAsync(Func<ulong, AgentMessage> message, CancellationToken token, bool flush = true)
    {
        var call = _call ?? throw new InvalidOperationException($"{Name} is not connected");
        await _send.WaitAsync(token);
        try
        {
            var sequence = Interlocked.Increment(ref _sequence);
            call.RequestStream.WriteOptions = flush ? null : Buffered;
            await call.RequestStream.WriteAsync(message(sequence), token);
            return sequence;
        }
        finally
        {
            _send.Release();
        }
    }

    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    private static SampleBatch Numbered(SampleBatch batch, ulong sequence)
    {
        batch.Sequence = sequence;
        return batch;
    }

    private async Task ReadAcksAsync(AsyncDuplexStreamingCall<AgentMessage, AggregatorMessage> call, CancellationToken token)
    {
        try
        {
            while (await call.ResponseStream.MoveNext(token))
            {
                if (call.ResponseStream.Current.Ack is not { } ack)
                {
                    continue;
                }
                Interlocked.Increment(ref _ackCount);
                if (ack.Duplicate)
                {
                    Interlocked.Increment(ref _duplicates);
                }
                if ((long)ack.Sequence > Interlocked.Read(ref _lastAcked))
                {
                    Interlocked.Exchange(ref _lastAcked, (long)ack.Sequence);
                }
                _window?.Release();
                Interlocked.Exchange(ref _acked, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
        catch (RpcException) when (token.IsCancellationRequested || Silent)
        {
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_call is { } call)
        {
            try
            {
                await call.RequestStream.CompleteAsync();
                await _reader.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException or TimeoutException or OperationCanceledException)
            {
            }
            call.Dispose();
        }
        _send.Dispose();
        _window?.Dispose();
    }
}

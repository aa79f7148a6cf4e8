using System.Threading.Channels;
using Warden.Aggregator.Configuration;
using Warden.Aggregator.Storage;

namespace Warden.Aggregator.Ingest;

/// <summary>
/// The one bounded queue between every agent stream and the single writer. When it is full a
/// stream's enqueue waits, so the stream stops reading and HTTP/2 flow control pushes back on the
/// agent instead of memory growing.
/// </summary>
public sealed class IngestQueue
{
    private readonly Channel<PendingRecord> _channel;

    public IngestQueue(AggregatorOptions options) =>
        _channel = Channel.CreateBounded<PendingRecord>(new BoundedChannelOptions(options.Ingest.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    private int _waiting;
    private long _waits;

    public int Depth => _channel.Reader.Count;

    /// <summary>Some stream is waiting on the full queue now: the aggregator, not its agents, is what holds records back.</summary>
    public bool PushingBack => Volatile.Read(ref _waiting) > 0;

    /// <summary>Enqueues that had to wait for room, since start: a change between two looks means it pushed back in between.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    internal ChannelReader<PendingRecord> Reader => _channel.Reader;

    /// <summary>Queues the record (waiting while the queue is full); the task returned completes once it is durable.</summary>
    public async ValueTask<Task<StoreOutcome>> EnqueueAsync(IngestRecord record, CancellationToken token)
    {
        var pending = new PendingRecord(record);
        if (!_channel.Writer.TryWrite(pending))
        {
            Interlocked.Increment(ref _waiting);
            Interlocked.Increment(ref _waits);
            try
            {
                await _channel.Writer.WriteAsync(pending, token);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
        return pending.Durable;
    }

    /// <summary>Stops taking records; the writer finishes what is queued.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}

/// <summary>A queued record and the promise of its outcome.</summary>
internal sealed class PendingRecord(IngestRecord record)
{
    private readonly TaskCompletionSource<StoreOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IngestRecord Record { get; } = record;

    public Task<StoreOutcome> Durable => _outcome.Task;

    public void Complete(StoreOutcome outcome) => _outcome.TrySetResult(outcome);

    public void Fail(Exception error) => _outcome.TrySetException(error);
}

using System.Threading.Channels;
using Grpc.Core;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Ingest;

/// <summary>
/// One stream after its Hello: reads records into the ingest queue without waiting for each to be
/// stored, and acknowledges them in order as they become durable. At most Ingest:MaxInFlightPerStream
/// records wait per stream, and a full ingest queue stops the reading, so a stream never holds more.
/// </summary>
internal sealed class RecordPump(IngestQueue queue, string host, int maxInFlight, TimeProvider time, ILogger logger)
{
    public async Task RunAsync(IAsyncStreamReader<AgentMessage> requests, IServerStreamWriter<AggregatorMessage> responses, CancellationToken token)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(token);
        var inFlight = Channel.CreateBounded<(ulong Sequence, Task<StoreOutcome> Durable)>(
            new BoundedChannelOptions(maxInFlight) { SingleReader = true, SingleWriter = true });
        var acker = AcknowledgeAsync(inFlight.Reader, responses, failed);
        try
        {
            while (await requests.MoveNext(failed.Token))
            {
                if (Receive(requests.Current) is { } record)
                {
                    await inFlight.Writer.WriteAsync((record.Sequence, await queue.EnqueueAsync(record, failed.Token)), failed.Token);
                }
            }
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            // The acknowledger failed and stopped the reading; its error is the stream's.
        }
        catch
        {
            await failed.CancelAsync();
            await acker.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
        inFlight.Writer.TryComplete();
        await acker;
    }

    private IngestRecord? Receive(AgentMessage message)
    {
        switch (message.BodyCase)
        {
            case AgentMessage.BodyOneofCase.Samples:
                Reject(RecordValidator.CheckSamples(message.Samples));
                return IngestRecord.Of(host, message.Samples, time.GetUtcNow());
            case AgentMessage.BodyOneofCase.Events:
                Reject(RecordValidator.CheckEvents(message.Events));
                return IngestRecord.Of(host, message.Events, time.GetUtcNow());
            case AgentMessage.BodyOneofCase.CommandResult:
                Log.CommandResult(logger, host, message.CommandResult.CommandId, message.CommandResult.Ok, message.CommandResult.Detail);
                return null;
            case AgentMessage.BodyOneofCase.Hello:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, "a second Hello on one stream"));
            default:
                throw new RpcException(new Status(StatusCode.InvalidArgument, "an empty AgentMessage"));
        }
    }

    /// <summary>
    /// Acks in record order. A commit makes many of a stream's records durable at once: each ack
    /// whose successor is durable too is only buffered, and the last of the run flushes them all,
    /// so a stream costs one HTTP/2 write per commit rather than one per record.
    /// </summary>
    private static async Task AcknowledgeAsync(ChannelReader<(ulong Sequence, Task<StoreOutcome> Durable)> inFlight,
        IServerStreamWriter<AggregatorMessage> responses, CancellationTokenSource failed)
    {
        try
        {
            while (await inFlight.WaitToReadAsync(failed.Token))
            {
                while (inFlight.TryRead(out var record))
                {
                    var outcome = await Durable(record.Sequence, record.Durable, failed.Token);
                    responses.WriteOptions = inFlight.TryPeek(out var next) && next.Durable.IsCompleted ? Buffered : null;
                    await responses.WriteAsync(new AggregatorMessage { Ack = new Ack { Sequence = record.Sequence, Duplicate = outcome == StoreOutcome.Duplicate } },
                        failed.Token);
                }
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }

    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    private static async ValueTask<StoreOutcome> Durable(ulong sequence, Task<StoreOutcome> durable, CancellationToken token)
    {
        try
        {
            return durable.IsCompletedSuccessfully ? durable.Result : await durable.WaitAsync(token);
        }
        catch (IOException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"record {sequence} was not stored: {e.Message}"));
        }
    }

    public static void Reject(string? problem)
    {
        if (problem is not null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem));
        }
    }
}

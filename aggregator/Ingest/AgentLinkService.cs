using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Warden.Aggregator.Configuration;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Metrics;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Ingest;

/// <summary>
/// The agents' stream (agent_link.proto): Hello, then records. Records of every stream go through
/// one ingest queue to the single writer; each Ack is written only once its record is durable, so
/// an Ack always means "durable here".
/// </summary>
public sealed class AgentLinkService(IngestQueue queue, ISiteStore store, HostRegistry registry, WardenMetrics metrics, AggregatorOptions options,
    TimeProvider time, IHostApplicationLifetime lifetime, ILogger<AgentLinkService> logger)
    : AgentLink.AgentLinkBase
{
    public const string Version = "0.1.0";

    public override async Task Connect(IAsyncStreamReader<AgentMessage> requestStream, IServerStreamWriter<AggregatorMessage> responseStream,
        ServerCallContext context)
    {
        // Streams never end on their own; stopping the aggregator ends them (agents reconnect), so a
        // SIGTERM is not held up by Kestrel waiting for open requests.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var token = stopping.Token;
        if (!await requestStream.MoveNext(token))
        {
            return;
        }
        var first = requestStream.Current;
        if (first.BodyCase != AgentMessage.BodyOneofCase.Hello)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"the first message must be a Hello, not {first.BodyCase}"));
        }
        var hello = first.Hello;
        RecordPump.Reject(RecordValidator.CheckHello(hello));

        try
        {
            await await queue.EnqueueAsync(IngestRecord.Of(hello, time.GetUtcNow()), token);
        }
        catch (IOException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"the Hello of {hello.Host} was not stored: {e.Message}"));
        }
        registry.StreamOpened(hello.Host);
        metrics.Streams.Inc();
        Log.AgentConnected(logger, hello.Host, hello.AgentVersion, context.Peer, hello.LastAckedSequence);
        try
        {
            await responseStream.WriteAsync(new AggregatorMessage { Welcome = new Welcome { LastStoredSequence = store.LastSequence(hello.Host), AggregatorVersion = Version } }, token);
            if (hello.Capabilities.Contains("command.collect-now"))
            {
                // Ask for the current window at once, so a new host shows readings in seconds, not a ship interval.
                await responseStream.WriteAsync(new AggregatorMessage
                {
                    Command = new Command { CommandId = Guid.NewGuid().ToString("N"), IssuedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()), CollectNow = new CollectNow() },
                }, token);
            }
            await new RecordPump(queue, hello.Host, options.Ingest.MaxInFlightPerStream, time, logger).RunAsync(requestStream, responseStream, token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "the aggregator is shutting down"));
        }
        finally
        {
            registry.StreamClosed(hello.Host);
            metrics.Streams.Dec();
            Log.AgentDisconnected(logger, hello.Host);
        }
    }
}

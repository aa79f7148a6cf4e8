using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Ingest;

/// <summary>
/// The agents' stream (agent_link.proto): Hello, then records. Each record is stored (once per
/// host and sequence) before its Ack is written, so an Ack always means "durable here".
/// </summary>
public sealed class AgentLinkService(ISiteStore store, HostRegistry registry, TimeProvider time, IHostApplicationLifetime lifetime,
    ILogger<AgentLinkService> logger, IEnumerable<IFleetObserver> observers)
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
        Reject(RecordValidator.CheckHello(hello));

        var host = store.RecordHello(hello, time.GetUtcNow());
        registry.StreamOpened(host);
        Log.AgentConnected(logger, hello.Host, hello.AgentVersion, context.Peer, hello.LastAckedSequence);
        try
        {
            await responseStream.WriteAsync(Message(new Welcome { LastStoredSequence = store.LastSequence(hello.Host), AggregatorVersion = Version }), token);
            if (hello.Capabilities.Contains("command.collect-now"))
            {
                // Ask for the current window at once, so a new host shows readings in seconds, not a ship interval.
                await responseStream.WriteAsync(new AggregatorMessage
                {
                    Command = new Command { CommandId = Guid.NewGuid().ToString("N"), IssuedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()), CollectNow = new CollectNow() },
                }, token);
            }

            while (await requestStream.MoveNext(token))
            {
                var message = requestStream.Current;
                switch (message.BodyCase)
                {
                    case AgentMessage.BodyOneofCase.Samples:
                        Reject(RecordValidator.CheckSamples(message.Samples));
                        var samples = store.StoreSamples(hello.Host, message.Samples, time.GetUtcNow());
                        Observe(samples, o => o.SamplesStored(hello.Host, message.Samples, time.GetUtcNow()));
                        await Acknowledge(responseStream, message.Samples.Sequence, samples, token);
                        break;
                    case AgentMessage.BodyOneofCase.Events:
                        Reject(RecordValidator.CheckEvents(message.Events));
                        var events = store.StoreEvents(hello.Host, message.Events, time.GetUtcNow());
                        Observe(events, o => o.EventsStored(hello.Host, message.Events, time.GetUtcNow()));
                        await Acknowledge(responseStream, message.Events.Sequence, events, token);
                        break;
                    case AgentMessage.BodyOneofCase.CommandResult:
                        Log.CommandResult(logger, hello.Host, message.CommandResult.CommandId, message.CommandResult.Ok, message.CommandResult.Detail);
                        break;
                    case AgentMessage.BodyOneofCase.Hello:
                        throw new RpcException(new Status(StatusCode.FailedPrecondition, "a second Hello on one stream"));
                    default:
                        throw new RpcException(new Status(StatusCode.InvalidArgument, "an empty AgentMessage"));
                }
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "the aggregator is shutting down"));
        }
        finally
        {
            registry.StreamClosed(hello.Host);
            Log.AgentDisconnected(logger, hello.Host);
        }

        async Task Acknowledge(IServerStreamWriter<AggregatorMessage> responses, ulong sequence, StoreOutcome outcome, CancellationToken ct)
        {
            if (outcome == StoreOutcome.Stored && store.FindHost(hello.Host) is { } stored)
            {
                registry.Updated(stored);
            }
            await responses.WriteAsync(new AggregatorMessage { Ack = new Ack { Sequence = sequence, Duplicate = outcome == StoreOutcome.Duplicate } }, ct);
        }
    }

    private void Observe(StoreOutcome outcome, Action<IFleetObserver> tell)
    {
        if (outcome == StoreOutcome.Stored)
        {
            foreach (var observer in observers)
            {
                tell(observer);
            }
        }
    }

    private static void Reject(string? problem)
    {
        if (problem is not null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem));
        }
    }

    private static AggregatorMessage Message(Welcome welcome) => new() { Welcome = welcome };
}

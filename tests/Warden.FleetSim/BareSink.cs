using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Warden.Proto.V1;

namespace Warden.FleetSim;

/// <summary>
/// The benchmark's baseline: an AgentLink server that answers the Hello and acknowledges every
/// record at once, storing nothing. Same transport and limits as the aggregator.
/// </summary>
public sealed class BareSink : AgentLink.AgentLinkBase
{
    public override async Task Connect(IAsyncStreamReader<AgentMessage> requestStream, IServerStreamWriter<AggregatorMessage> responseStream,
        ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken) || requestStream.Current.BodyCase != AgentMessage.BodyOneofCase.Hello)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "the first message must be a Hello"));
        }
        await responseStream.WriteAsync(new AggregatorMessage { Welcome = new Welcome { AggregatorVersion = "bare-sink" } });
        var more = requestStream.MoveNext(context.CancellationToken);
        while (await more)
        {
            var m = requestStream.Current;
            var sequence = m.BodyCase switch
            {
                AgentMessage.BodyOneofCase.Samples => m.Samples.Sequence,
                AgentMessage.BodyOneofCase.Events => m.Events.Sequence,
                _ => 0UL,
            };
            more = requestStream.MoveNext(context.CancellationToken);
            if (sequence != 0)
            {
                // As the aggregator does with a commit's acks: buffered while the next record is already here, flushed otherwise.
                responseStream.WriteOptions = more.IsCompleted ? Buffered : null;
                await responseStream.WriteAsync(new AggregatorMessage { Ack = new Ack { Sequence = sequence } });
            }
        }
    }

    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    /// <summary>Runs the sink on <paramref name="endpoint"/> until cancelled; <paramref name="listening"/> gets the bound address.</summary>
    public static async Task RunAsync(System.Net.IPEndPoint endpoint, Action<string> listening, CancellationToken token)
    {
        ListenOptions? bound = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(endpoint, l => (bound = l).Protocols = HttpProtocols.Http2);
            k.Limits.MaxRequestBodySize = null;
            k.Limits.Http2.MaxStreamsPerConnection = 1000;
        });
        builder.Services.AddGrpc(g => g.MaxReceiveMessageSize = 4 * 1024 * 1024);
        await using var app = builder.Build();
        app.MapGrpcService<BareSink>();
        await app.StartAsync(token);
        listening($"http://{bound!.IPEndPoint}");
        await app.WaitForShutdownAsync(token);
    }
}

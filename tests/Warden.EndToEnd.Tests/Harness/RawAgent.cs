using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Warden.Proto.V1;

namespace Warden.EndToEnd.Tests.Harness;

/// <summary>A hand-driven AgentLink client: exact messages, for tests of the aggregator's side of the contract.</summary>
internal static class RawAgent
{
    public static async Task<Welcome> HelloAsync(AsyncDuplexStreamingCall<AgentMessage, AggregatorMessage> call, string host)
    {
        await call.RequestStream.WriteAsync(new AgentMessage { Hello = new Hello { Host = host, AgentVersion = "test" } });
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(AggregatorMessage.BodyOneofCase.Welcome, call.ResponseStream.Current.BodyCase);
        return call.ResponseStream.Current.Welcome;
    }

    public static async Task<(ulong, bool)> NextAckAsync(AsyncDuplexStreamingCall<AgentMessage, AggregatorMessage> call)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        var ack = call.ResponseStream.Current.Ack;
        return (ack.Sequence, ack.Duplicate);
    }

    public static AgentMessage Samples(ulong sequence, double cpu, double windowSeconds = 10)
    {
        var now = DateTimeOffset.UtcNow;
        var batch = new SampleBatch
        {
            Sequence = sequence,
            WindowStart = Timestamp.FromDateTimeOffset(now.AddSeconds(-windowSeconds)),
            WindowEnd = Timestamp.FromDateTimeOffset(now),
        };
        batch.Readings.Add(new Reading { Name = "cpu.busy_pct", Last = cpu, Min = cpu, Max = cpu, Count = 10 });
        return new AgentMessage { Samples = batch };
    }

    public static AgentMessage Transition(ulong sequence, string component, string check, CheckState to, string reason) => new()
    {
        Events = new EventBatch
        {
            Sequence = sequence,
            Events =
            {
                new Event
                {
                    At = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                    CheckTransition = new CheckTransition
                    {
                        Component = component, Check = check, FromState = CheckState.Ok, ToState = to, StateType = StateType.Hard,
                        Attempt = 3, MaxAttempts = 3, Value = 97.5, Threshold = "85/95 %", Reason = reason,
                    },
                },
            },
        },
    };
}

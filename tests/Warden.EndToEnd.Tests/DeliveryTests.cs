using Grpc.Core;
using Warden.EndToEnd.Tests.Harness;
using static Warden.EndToEnd.Tests.Harness.RawAgent;
using Warden.Proto.V1;

namespace Warden.EndToEnd.Tests;

/// <summary>The aggregator's side of the delivery contract, driven by a raw client over real gRPC.</summary>
public class DeliveryTests
{
    [Fact]
    public async Task A_batch_received_twice_is_stored_once_and_acknowledged_both_times()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));

        using (var call = aggregator.AgentLink.Connect())
        {
            Assert.Equal(0UL, (await HelloAsync(call, "e2e-dup")).LastStoredSequence);
            await call.RequestStream.WriteAsync(Samples(1, cpu: 10));
            await call.RequestStream.WriteAsync(Samples(2, cpu: 20));
            await call.RequestStream.WriteAsync(Samples(1, cpu: 99)); // a resend after a lost ack
            Assert.Equal((1UL, false), await NextAckAsync(call));
            Assert.Equal((2UL, false), await NextAckAsync(call));
            Assert.Equal((1UL, true), await NextAckAsync(call));
            await call.RequestStream.CompleteAsync();
        }

        var host = await aggregator.FindHostAsync("e2e-dup");
        Assert.Equal(2UL, host!.LastSequence);
        Assert.Equal(20, host.Latest.Single(r => r.Name == "cpu.busy_pct").Last);

        using (var again = aggregator.AgentLink.Connect())
        {
            Assert.Equal(2UL, (await HelloAsync(again, "e2e-dup")).LastStoredSequence);
            await again.RequestStream.WriteAsync(Samples(2, cpu: 77));
            Assert.Equal((2UL, true), await NextAckAsync(again));
            await again.RequestStream.CompleteAsync();
        }

        Assert.Equal(0, await aggregator.StopAsync());
        Assert.Equal([1L, 2L], StoreFile.SampleSequences(aggregator.DatabasePath, "e2e-dup").Order());
        Assert.Equal(20, StoreFile.StoredLatestReading(aggregator.DatabasePath, "e2e-dup", "cpu.busy_pct")); // no resend overwrote it
    }

    [Fact]
    public async Task A_stream_that_does_not_start_with_hello_is_refused()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using var call = aggregator.AgentLink.Connect();
        await call.RequestStream.WriteAsync(Samples(1, cpu: 1));
        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("Hello", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_host_name_is_refused_naming_the_field()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using var call = aggregator.AgentLink.Connect();
        await call.RequestStream.WriteAsync(new AgentMessage { Hello = new Hello { Host = "../../etc/passwd" } });
        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("hello.host", e.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await aggregator.Operator.ListHostsAsync(new ListHostsRequest())).Hosts);
    }

    [Fact]
    public async Task A_bad_reading_is_refused_and_nothing_of_that_batch_is_stored()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using (var call = aggregator.AgentLink.Connect())
        {
            await HelloAsync(call, "e2e-bad");
            await call.RequestStream.WriteAsync(Samples(1, cpu: double.NaN));
            var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.Contains("cpu.busy_pct", e.Status.Detail, StringComparison.Ordinal);
        }
        Assert.Equal(0UL, (await aggregator.FindHostAsync("e2e-bad"))!.LastSequence);
    }

    [Fact]
    public async Task An_oversized_message_is_refused_and_the_aggregator_keeps_serving()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using (var call = aggregator.AgentLink.Connect())
        {
            await HelloAsync(call, "e2e-big");
            var huge = Samples(1, cpu: 1);
            huge.Samples.Readings[0].Subject = new string('x', 5 * 1024 * 1024);
            try
            {
                await call.RequestStream.WriteAsync(huge);
            }
            catch (RpcException)
            {
                // The server may answer and reset the stream while the client is still sending.
            }
            var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
            Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        }
        Assert.Equal(0UL, (await aggregator.FindHostAsync("e2e-big"))!.LastSequence);
        using var next = aggregator.AgentLink.Connect();
        await HelloAsync(next, "e2e-big");
        await next.RequestStream.WriteAsync(Samples(1, cpu: 1));
        Assert.Equal((1UL, false), await NextAckAsync(next));
    }
}

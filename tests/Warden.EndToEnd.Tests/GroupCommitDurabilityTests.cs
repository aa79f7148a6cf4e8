using System.Collections.Concurrent;
using Grpc.Core;
using Warden.EndToEnd.Tests.Harness;
using Warden.Proto.V1;
using static Warden.EndToEnd.Tests.Harness.RawAgent;

namespace Warden.EndToEnd.Tests;

/// <summary>
/// Group commit keeps the delivery contract: many streams pipelining records into one writer, the
/// aggregator SIGKILLed while they send, and every record acknowledged before the kill is in the file.
/// </summary>
public class GroupCommitDurabilityTests
{
    private const int Streams = 8;
    private const int RecordsPerStream = 400;

    [Fact]
    public async Task Every_record_acknowledged_before_a_kill_9_is_in_the_database_file()
    {
        using var dir = new ScratchDirectory();
        var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        var acked = new ConcurrentDictionary<string, ConcurrentBag<ulong>>();
        var ackCount = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var senders = Enumerable.Range(1, Streams).Select(i => Task.Run(async () =>
        {
            var host = $"e2e-kill-{i}";
            var bag = acked.GetOrAdd(host, _ => []);
            using var call = aggregator.AgentLink.Connect(cancellationToken: stop.Token);
            await HelloAsync(call, host);
            var reader = Task.Run(async () =>
            {
                while (await call.ResponseStream.MoveNext(stop.Token))
                {
                    bag.Add(call.ResponseStream.Current.Ack.Sequence);
                    Interlocked.Increment(ref ackCount);
                }
            });
            for (ulong s = 1; s <= RecordsPerStream; s++)
            {
                await call.RequestStream.WriteAsync(Samples(s, cpu: s % 100, windowSeconds: 1));
            }
            await reader;
        })).ToList();

        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref ackCount) >= Streams * RecordsPerStream / 4),
            "a quarter of the records to be acknowledged", diagnostics: () => aggregator.Output);
        aggregator.Kill(); // SIGKILL in the middle of the stream: no flush, no goodbye
        foreach (var sender in senders)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => sender); // the streams break; that is the point
        }
        aggregator.Dispose();

        var total = 0;
        foreach (var (host, bag) in acked)
        {
            var stored = StoreFile.SampleSequences(aggregator.DatabasePath, host).ToHashSet();
            var missing = bag.Where(s => !stored.Contains((long)s)).ToList();
            Assert.True(missing.Count == 0, $"{host}: acknowledged but not in the file: {string.Join(',', missing.Take(20))}");
            total += bag.Count;
        }
        Assert.True(total >= Streams * RecordsPerStream / 4, $"only {total} acknowledged");
    }

    [Fact]
    public async Task The_agents_ship_interval_and_check_states_reach_the_operator_api_and_get_host()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using (var call = aggregator.AgentLink.Connect())
        {
            await HelloAsync(call, "e2e-detail");
            await call.RequestStream.WriteAsync(Samples(1, cpu: 12, windowSeconds: 5));
            await call.RequestStream.WriteAsync(Transition(2, "storage", "disk_space:/var", CheckState.Crit, "/var is 97.5 % used"));
            await call.RequestStream.WriteAsync(Samples(3, cpu: 14, windowSeconds: 5));
            for (var i = 0; i < 3; i++)
            {
                await NextAckAsync(call);
            }
            var detail = await aggregator.Operator.GetHostAsync(new GetHostRequest { Host = "e2e-detail" });
            Assert.Equal(HostLivenessState.Online, detail.Host.Liveness);
            Assert.Equal(1U, detail.Host.Checks.Crit);
            var check = Assert.Single(detail.Checks);
            Assert.Equal(("storage", "disk_space:/var", CheckState.Crit, 3U, "/var is 97.5 % used"),
                (check.Component, check.Check, check.State, check.Attempt, check.Reason));
            Assert.Equal([1UL, 3UL], detail.Recent.Select(b => b.Sequence));
            Assert.Equal(14, detail.Recent[1].Readings.Single().Last);
            await call.RequestStream.CompleteAsync();
        }
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await aggregator.Operator.GetHostAsync(new GetHostRequest { Host = "nobody" }));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("nobody", unknown.Status.Detail, StringComparison.Ordinal);
    }
}

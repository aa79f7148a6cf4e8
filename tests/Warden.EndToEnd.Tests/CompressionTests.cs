using Warden.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace Warden.EndToEnd.Tests;

/// <summary>The agent's stream is gzip-compressed on the wire, and the aggregator stores what it sends.</summary>
public class CompressionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_gzip_agent_sends_fewer_bytes_per_record_than_one_with_compression_off()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        var gzip = await BytesPerRecordAsync(dir, aggregator, "e2e-gzip", "gzip");
        var plain = await BytesPerRecordAsync(dir, aggregator, "e2e-plain", "none");
        output.WriteLine($"bytes sent per record: gzip {gzip:F0}, none {plain:F0}, ratio {gzip / plain:F2}");
        Assert.True(gzip < 0.8 * plain, $"gzip {gzip:F0} bytes per record, none {plain:F0}");
    }

    private static async Task<double> BytesPerRecordAsync(ScratchDirectory dir, AggregatorProcess aggregator, string host, string compression)
    {
        using var proxy = new TcpFaultProxy(aggregator.Address);
        using var agent = AgentProcess.Start(dir.File(host), host, [proxy.Address], 0.2,
            aggregatorKeys: $"\"Compression\": \"{compression}\"");
        var stored = await Eventually.GetAsync(
            async () => await aggregator.FindHostAsync(host) is { LastSequence: >= 20 } h ? h : null,
            $"20 records from {host}", diagnostics: () => agent.Output);
        await agent.StopAsync();
        return (double)proxy.BytesUp / stored.LastSequence;
    }
}

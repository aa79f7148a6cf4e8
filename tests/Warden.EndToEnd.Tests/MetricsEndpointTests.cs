using System.Net;
using Warden.EndToEnd.Tests.Harness;
using static Warden.EndToEnd.Tests.Harness.RawAgent;

namespace Warden.EndToEnd.Tests;

/// <summary>/metrics scraped over real HTTP/1.1, as a site's Prometheus does.</summary>
public class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_show_the_fleets_latest_readings_and_wardens_own_figures()
    {
        using var dir = new ScratchDirectory();
        using var aggregator = await AggregatorProcess.StartAsync(dir.File("aggregator"));
        using (var call = aggregator.AgentLink.Connect())
        {
            await HelloAsync(call, "e2e-metrics");
            await call.RequestStream.WriteAsync(Samples(1, cpu: 10));
            await call.RequestStream.WriteAsync(Samples(2, cpu: 42.5));
            await call.RequestStream.WriteAsync(Samples(1, cpu: 10));
            for (var i = 0; i < 3; i++)
            {
                await NextAckAsync(call);
            }
            using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version11 };
            var response = await http.GetAsync(await aggregator.MetricsAddressAsync() + "/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            var text = await response.Content.ReadAsStringAsync();

            Assert.Contains("warden_reading_cpu_busy_pct{host=\"e2e-metrics\",subject=\"\"} 42.5\n", text, StringComparison.Ordinal);
            Assert.Contains("warden_records_stored_total{kind=\"samples\"} 2\n", text, StringComparison.Ordinal);
            Assert.Contains("warden_records_duplicate_total 1\n", text, StringComparison.Ordinal);
            Assert.Contains("warden_agent_streams 1\n", text, StringComparison.Ordinal);
            Assert.Contains("warden_commit_seconds_bucket{le=", text, StringComparison.Ordinal);
            Assert.Contains("warden_ingest_queue_depth 0\n", text, StringComparison.Ordinal);
            await call.RequestStream.CompleteAsync();
        }
    }
}

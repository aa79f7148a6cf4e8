using System.Text;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Ingest;

namespace Warden.Aggregator.Metrics;

/// <summary>GET /metrics: Warden's own figures (prometheus-net), then the fleet's latest readings.</summary>
public static class MetricsEndpoint
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static async Task WriteAsync(HttpContext context, WardenMetrics metrics, HostRegistry registry, IngestQueue queue)
    {
        metrics.QueueDepth.Set(queue.Depth);
        context.Response.ContentType = ContentType;
        using (var own = new MemoryStream())
        {
            await metrics.Registry.CollectAndExportAsTextAsync(own, context.RequestAborted);
            own.Position = 0;
            await own.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        // Warden's own figures go out before the fleet's text is built: a scraper that wants only them
        // (or a slow scrape of a large fleet) is not kept waiting on thousands of hosts' readings.
        await context.Response.Body.FlushAsync(context.RequestAborted);
        var fleet = new StringBuilder();
        FleetReadingsText.Write(fleet, registry.LatestReadings());
        // Chunk by chunk: the fleet's text is megabytes, and one string of it would be large-object garbage every scrape.
        foreach (var chunk in fleet.GetChunks())
        {
            await context.Response.WriteAsync(chunk.ToString(), Encoding.UTF8, context.RequestAborted);
        }
    }
}

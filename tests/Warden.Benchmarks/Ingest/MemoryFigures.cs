using System.Globalization;

namespace Warden.Benchmarks.Ingest;

/// <summary>
/// The aggregator's memory as it reports it on /metrics (process_working_set_bytes is VmRSS on
/// Linux; the GC figures come from GC.GetGCMemoryInfo: live is the heap in use after the last full collection). Reads Warden's own
/// figures, which come first, and stops before the fleet's readings.
/// </summary>
internal sealed record MemoryFigures(double HeapBytes, double CommittedBytes, double LiveBytes, double Gen2Bytes, double LohBytes, double Gen2Collections)
{
    public static readonly MemoryFigures None = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public static async Task<MemoryFigures> ScrapeAsync(HttpClient http, string metricsUrl, CancellationToken token)
    {
        using var response = await http.GetAsync(metricsUrl, HttpCompletionOption.ResponseHeadersRead, token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(token));
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        while (await reader.ReadLineAsync(token) is { } line && !line.StartsWith("# HELP warden_reading_", StringComparison.Ordinal))
        {
            if (line.Length > 0 && line[0] != '#' && line.LastIndexOf(' ') is var space and > 0
                && double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values[line[..space]] = value;
            }
        }
        return new MemoryFigures(
            values.GetValueOrDefault("warden_gc_heap_size_bytes", double.NaN),
            values.GetValueOrDefault("warden_gc_committed_bytes", double.NaN),
            values.GetValueOrDefault("warden_gc_live_bytes", double.NaN),
            values.GetValueOrDefault("warden_gc_generation_size_bytes{generation=\"2\"}", double.NaN),
            values.GetValueOrDefault("warden_gc_generation_size_bytes{generation=\"loh\"}", double.NaN),
            values.GetValueOrDefault("dotnet_collection_count_total{generation=\"2\"}", double.NaN));
    }
}

using Prometheus;

namespace Warden.Aggregator.Metrics;

/// <summary>
/// The aggregator's own memory on /metrics, so "memory flat after warm-up" can be watched by the
/// site's Prometheus: prometheus-net's process and GC figures (process_working_set_bytes is the RSS
/// on Linux), plus what the GC reports of its heap after the last collection.
/// </summary>
internal static class ProcessFigures
{
    private static readonly string[] GenerationNames = ["0", "1", "2", "loh", "poh"];

    // A full collection is blocking or background; the later of the two is the last one.
    private static GCMemoryInfo LastFull()
    {
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        return blocking.Index > background.Index ? blocking : background;
    }

    public static void Register(CollectorRegistry registry, MetricFactory factory)
    {
        DotNetStats.Register(registry);
        var heap = factory.CreateGauge("warden_gc_heap_size_bytes", "Managed heap size after the last garbage collection (fragmentation included).");
        var committed = factory.CreateGauge("warden_gc_committed_bytes", "Memory the garbage collector has committed from the OS.");
        var fragmented = factory.CreateGauge("warden_gc_fragmented_bytes", "Free space inside the managed heap after the last garbage collection.");
        var live = factory.CreateGauge("warden_gc_live_bytes", "Managed heap in use after the last full (gen2) collection: the memory the aggregator really holds.");
        var generations = factory.CreateGauge("warden_gc_generation_size_bytes", "Size of each generation after the last garbage collection.", "generation");
        registry.AddBeforeCollectCallback(() =>
        {
            var info = GC.GetGCMemoryInfo();
            heap.Set(info.HeapSizeBytes);
            committed.Set(info.TotalCommittedBytes);
            fragmented.Set(info.FragmentedBytes);
            for (var g = 0; g < info.GenerationInfo.Length && g < GenerationNames.Length; g++)
            {
                generations.WithLabels(GenerationNames[g]).Set(info.GenerationInfo[g].SizeAfterBytes);
            }
            var full = LastFull();
            if (full.Index > 0)
            {
                live.Set(full.HeapSizeBytes - full.FragmentedBytes);
            }
        });
    }
}

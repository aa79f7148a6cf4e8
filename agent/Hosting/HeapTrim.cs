using Warden.Agent.Configuration;

namespace Warden.Agent.Hosting;

/// <summary>
/// A full compacting collection once a period that also hands the freed GC regions back to the kernel
/// (<see cref="GCCollectionMode.Aggressive"/>). The agent's live heap is small, but the garbage it makes
/// while shipping is promoted into older generations that the runtime collects only after several MB of
/// growth, and it keeps freed regions committed: measured as anonymous memory climbing by about 1 MB a
/// minute for ten minutes and more. A collection of a heap this size takes a few milliseconds.
/// </summary>
internal static class HeapTrim
{
    /// <summary>The periodic collection; null when <see cref="MemoryOptions.CompactHeapEverySeconds"/> is 0. Dispose to stop it.</summary>
    public static ITimer? Schedule(MemoryOptions options, TimeProvider time, Action? collect = null)
    {
        if (options.CompactHeapEverySeconds <= 0)
        {
            return null;
        }
        var period = TimeSpan.FromSeconds(options.CompactHeapEverySeconds);
        return time.CreateTimer(static state => ((Action)state!)(), collect ?? Collect, period, period);
    }

    public static void Collect() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}

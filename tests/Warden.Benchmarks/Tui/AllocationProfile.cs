using System.Diagnostics.Tracing;
using System.Globalization;
using static Warden.Benchmarks.CommandOptions;

namespace Warden.Benchmarks.Tui;

/// <summary>
/// Where the console's garbage comes from: the runtime's GCAllocationTick events (one per ~100 KB
/// allocated, naming the type that crossed the mark) tallied by type while the headless console at a
/// screen size redraws N times (`tui-allocations --hosts 5000 --incidents 2000 --screen 200x60
/// --draws 50 --view hosts|incidents --mode draw|update`). A sampling profile: the counts are
/// proportional to bytes, the figures are not exact.
/// </summary>
internal static class AllocationProfile
{
    public static int Run(string[] args)
    {
        int hosts = Option(args, "--hosts", 5000), incidents = Option(args, "--incidents", 2000), draws = Option(args, "--draws", 50);
        string screen = Text(args, "--screen", "200x60"), view = Text(args, "--view", "hosts"), mode = Text(args, "--mode", "update");
        using var console = new BenchConsole(screen);
        console.AddHosts(hosts, DateTimeOffset.UtcNow);
        console.AddIncidents(incidents, DateTimeOffset.UtcNow);
        if (view == "incidents")
        {
            console.Type(":incidents");
            console.Enter();
        }

        console.Draw(forced: true);
        using var listener = new AllocationListener();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < draws; i++)
        {
            if (mode == "update")
            {
                console.Shell.Refresh();
            }

            console.Draw(forced: mode != "update");
        }

        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{view} {screen} {mode}: {bytes / draws / 1024.0:F0} KiB per draw over {draws} draws; sampled types:"));
        foreach ((string type, long sampled) in listener.ByType.OrderByDescending(p => p.Value).Take(25))
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {sampled / 1048576.0 / draws * 1024,8:F0} KiB/draw  {type}"));
        }

        return 0;
    }

    private sealed class AllocationListener : EventListener
    {
        public Dictionary<string, long> ByType { get; } = [];

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.Payload is null)
            {
                return;
            }

            int nameAt = e.PayloadNames!.IndexOf("TypeName"), amountAt = e.PayloadNames.IndexOf("AllocationAmount64");
            string type = nameAt >= 0 ? e.Payload[nameAt] as string ?? "?" : "?";
            long amount = amountAt >= 0 ? Convert.ToInt64(e.Payload[amountAt], CultureInfo.InvariantCulture) : 100_000;
            lock (ByType)
            {
                ByType[type] = ByType.GetValueOrDefault(type) + amount;
            }
        }
    }
}

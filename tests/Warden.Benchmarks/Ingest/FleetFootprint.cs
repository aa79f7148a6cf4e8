extern alias fleetsim;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using fleetsim::Warden.FleetSim;
using static Warden.Benchmarks.CommandOptions;

namespace Warden.Benchmarks.Ingest;

/// <summary>
/// Memory of a real aggregator serving N simulated agents that ship every interval
/// (`fleet-footprint --agents 5000 --interval 10 --duration 600 --out DIR`). Every --sample-seconds
/// (10) it reads the RSS from /proc, every --scrape-every (3) samples the GC's figures from the
/// aggregator's /metrics (a scrape, as a site's Prometheus does), writes memory.csv, and after --warmup-seconds (default: the recent
/// window plus two minutes) judges each figure with <see cref="Flatness"/> (--max-rise MiB, 16). --gc picks the runtime's
/// collector: default (what ships: workstation, concurrent), server (Server GC with DATAS), or server-static (DATAS off);
/// --conserve N sets GCConserveMemory, --gen0-mib N the least gen0 budget (GCgen0size). Exit code 2 when the RSS or the live heap is not flat.
/// </summary>
internal static class FleetFootprint
{
    public static async Task<int> RunAsync(string[] args)
    {
        var agents = Option(args, "--agents", 5000);
        var interval = Option(args, "--interval", 10);
        var duration = Option(args, "--duration", 600);
        var windowMinutes = Option(args, "--window-minutes", 2);
        var every = Option(args, "--sample-seconds", 10);
        var scrapeEvery = Option(args, "--scrape-every", 3);
        // The recent window fills in its length; the collector's budgets settle in the next minute or
        // two (with 5,000 agents and a 2-minute window the RSS climbed until 3.6 minutes in).
        var warmup = Option(args, "--warmup-seconds", (windowMinutes * 60) + 120);
        var maxRise = Option(args, "--max-rise", 16.0);
        var gc = Text(args, "--gc") ?? "default";
        var output = Text(args, "--out") ?? "artifacts/fleet-footprint";
        Directory.CreateDirectory(output);
        var state = Path.Combine(Path.GetTempPath(), "warden-footprint-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(state);
        var config = Path.Combine(state, "aggregator.json");
        await File.WriteAllTextAsync(config, $$"""{ "RecentReadings": { "WindowMinutes": {{windowMinutes}} } }""");
        var metricsUrl = $"http://127.0.0.1:{FreePort()}";
        using var server = ServerProcess.Start("warden-aggregator", Path.Combine(state, "address"), Environment(gc, Text(args, "--conserve"), Text(args, "--gen0-mib")),
            "--config", config, "--listen", "http://127.0.0.1:0", "--state", state, "--metrics-listen", metricsUrl, "--port-file", Path.Combine(state, "address"));
        await using var fleet = new FleetSimulator(server.Address, agents, TimeSpan.FromSeconds(interval), "fp");
        var clock = Stopwatch.StartNew();
        await fleet.ConnectAllAsync(CancellationToken.None);
        Console.Out.WriteLine($"{agents} agents connected in {clock.Elapsed.TotalSeconds:F0} s, shipping every {interval} s; recent window {windowMinutes} min; GC {gc}"
            + (Text(args, "--conserve") is { } conserve ? $", GCConserveMemory {conserve}" : "") + (Text(args, "--gen0-mib") is { } gen0 ? $", gen0 budget {gen0} MiB" : ""));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(duration));
        var run = fleet.RunAsync(stop.Token);
        var samples = await SampleAsync(server, fleet, run, clock, metricsUrl + "/metrics", every, scrapeEvery, Path.Combine(output, "memory.csv"));
        await run;
        Directory.Delete(state, recursive: true);
        var warm = samples.Where(s => s.Seconds >= warmup).ToList();
        if (warm.Count < 3)
        {
            Console.Out.WriteLine($"the run was too short: {warm.Count} samples after the {warmup} s warm-up, 3 needed");
            return 1;
        }
        Console.Out.WriteLine($"after warm-up ({warm[0].Seconds:F0} s .. {warm[^1].Seconds:F0} s), thirds as least/median/greatest; flat: neither floor nor ceiling {maxRise} MiB higher");
        var rss = Flatness.Of("RSS", [.. warm.Select(s => (s.Seconds, s.Rss))], maxRise);
        Console.Out.WriteLine(rss);
        // Printed when there are enough samples of the figure (the GC's come from scrapes); null when not.
        Flatness? Judge(string name, Func<Sample, double> figure)
        {
            var scraped = warm.Where(s => !double.IsNaN(figure(s))).Select(s => (s.Seconds, figure(s))).ToList();
            Flatness? flatness = scraped.Count >= 3 ? Flatness.Of(name, scraped, maxRise) : null;
            if (flatness is { } judged)
            {
                Console.Out.WriteLine(judged);
            }
            return flatness;
        }
        Judge("RSS anonymous", s => s.RssAnon);
        Judge("RSS file-backed", s => s.RssFile);
        Judge("GC heap", s => s.Memory.HeapBytes);
        var live = Judge("GC live after full GC", s => s.Memory.LiveBytes);
        Judge("GC committed", s => s.Memory.CommittedBytes);
        var acked = samples[^1].Acked - warm[0].Acked;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{acked / (samples[^1].Seconds - warm[0].Seconds):F0} acks/s after warm-up (expected {agents / (double)interval:F0}); {Scraped(warm, s => s.Memory.Gen2Collections):F0} gen2 collections"));
        // A leak shows as RSS that does not come back down, and as a live heap that grows.
        var flat = rss.Flat && live is not { Flat: false };
        Console.Out.WriteLine($"verdict: {(flat ? "FLAT" : "GROWING")} (RSS {(rss.Flat ? "flat" : "growing")}, live heap {(live is null ? "not scraped" : live.Value.Flat ? "flat" : "growing")})");
        return flat ? 0 : 2;
    }

    private sealed record Sample(double Seconds, double Rss, double RssAnon, double RssFile, long Acked, MemoryFigures Memory);

    private static double Scraped(List<Sample> samples, Func<Sample, double> figure)
    {
        var values = samples.Select(figure).Where(v => !double.IsNaN(v)).ToList();
        return values.Count > 0 ? values[^1] - values[0] : double.NaN;
    }

    /// <summary>The RSS every <paramref name="every"/> seconds; /metrics every <paramref name="scrapeEvery"/>th sample (a scrape costs the aggregator the whole fleet's text).</summary>
    private static async Task<List<Sample>> SampleAsync(ServerProcess server, FleetSimulator fleet, Task run, Stopwatch clock, string metrics, int every, int scrapeEvery,
        string csvPath)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(every) };
        var samples = new List<Sample>();
        await using var csv = new StreamWriter(csvPath);
        await csv.WriteLineAsync("seconds,rss_bytes,rss_anon_bytes,rss_file_bytes,gc_heap_bytes,gc_committed_bytes,gc_live_bytes,gen2_bytes,loh_bytes,gen2_collections,acknowledged");
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(every)));
            var memory = MemoryFigures.None;
            try
            {
                if (samples.Count % scrapeEvery == 0)
                {
                    memory = await MemoryFigures.ScrapeAsync(http, metrics, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Console.Out.WriteLine($"scrape of {metrics} failed: {e.Message}");
            }
            var resident = ProcStatus.Read(server.Id);
            var s = new Sample(clock.Elapsed.TotalSeconds, resident.Resident, resident.Anonymous, resident.FileBacked, fleet.AckCount, memory);
            samples.Add(s);
            await csv.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{s.Seconds:F0},{s.Rss},{s.RssAnon},{s.RssFile},{memory.HeapBytes},{memory.CommittedBytes},{memory.LiveBytes},{memory.Gen2Bytes},{memory.LohBytes},{memory.Gen2Collections},{s.Acked}"));
            await csv.FlushAsync();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Seconds:F0} s: RSS {s.Rss / 1048576:F0} MiB (anon {s.RssAnon / 1048576:F0}, file {s.RssFile / 1048576:F0}), GC heap {memory.HeapBytes / 1048576:F0} (gen2 {memory.Gen2Bytes / 1048576:F0}, LOH {memory.LohBytes / 1048576:F0}, live after full {memory.LiveBytes / 1048576:F0}) MiB, committed {memory.CommittedBytes / 1048576:F0} MiB, gen2 GCs {memory.Gen2Collections}, {s.Acked} acknowledged"));
        }
        return samples;
    }

    private static Dictionary<string, string> Environment(string gc, string? conserve, string? gen0Mib)
    {
        var environment = gc switch
        {
            "default" => new Dictionary<string, string>(),
            "workstation" => new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" },
            "server" => new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" },
            "server-static" => new Dictionary<string, string> { ["DOTNET_gcServer"] = "1", ["DOTNET_GCDynamicAdaptationMode"] = "0" },
            _ => throw new ArgumentException($"--gc: '{gc}' is not one of default, workstation, server, server-static"),
        };
        if (conserve is not null)
        {
            environment["DOTNET_GCConserveMemory"] = conserve;
        }
        if (gen0Mib is not null)
        {
            environment["DOTNET_GCgen0size"] = (long.Parse(gen0Mib, CultureInfo.InvariantCulture) << 20).ToString("x", CultureInfo.InvariantCulture);
        }
        return environment;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

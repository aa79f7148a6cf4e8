extern alias fleetsim;

using System.Diagnostics;
using System.Globalization;
using fleetsim::Warden.FleetSim;

namespace Warden.Benchmarks.Ingest;

/// <summary>
/// RSS of a real aggregator serving N simulated agents that ship every interval, sampled every 10 s
/// for the whole run (`fleet-footprint --agents 5000 --interval 10 --duration 600 --out DIR`). Writes
/// rss.csv and prints the RSS right after warm-up (the recent-readings window filled), the median
/// and maximum after it, and the growth from warm-up to the end.
/// </summary>
internal static class FleetFootprint
{
    public static async Task<int> RunAsync(string[] args)
    {
        var agents = Option(args, "--agents", 5000);
        var interval = Option(args, "--interval", 10);
        var duration = Option(args, "--duration", 600);
        var windowMinutes = Option(args, "--window-minutes", 2);
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "artifacts/fleet-footprint";
        Directory.CreateDirectory(output);
        var state = Path.Combine(Path.GetTempPath(), "warden-footprint-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(state);
        var config = Path.Combine(state, "aggregator.json");
        await File.WriteAllTextAsync(config, $$"""{ "RecentReadings": { "WindowMinutes": {{windowMinutes}} } }""");
        using var server = ServerProcess.Start("warden-aggregator", Path.Combine(state, "address"), "--config", config, "--listen", "http://127.0.0.1:0",
            "--state", state, "--metrics-listen", "", "--port-file", Path.Combine(state, "address"));
        await using var fleet = new FleetSimulator(server.Address, agents, TimeSpan.FromSeconds(interval), "fp");
        var clock = Stopwatch.StartNew();
        await fleet.ConnectAllAsync(CancellationToken.None);
        Console.Out.WriteLine($"{agents} agents connected in {clock.Elapsed.TotalSeconds:F0} s, shipping every {interval} s; recent window {windowMinutes} min");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(duration));
        var run = fleet.RunAsync(stop.Token);
        var samples = new List<(double Seconds, long Rss, long Acked)>();
        await using (var csv = new StreamWriter(Path.Combine(output, "rss.csv")))
        {
            await csv.WriteLineAsync("seconds,rss_bytes,acknowledged");
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10)));
                var sample = (clock.Elapsed.TotalSeconds, server.ResidentBytes(), fleet.AckCount);
                samples.Add(sample);
                await csv.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{sample.Item1:F0},{sample.Item2},{sample.Item3}"));
                Console.Out.WriteLine($"{sample.Item1:F0} s: RSS {sample.Item2 / 1048576.0:F0} MiB, {sample.Item3} acknowledged");
            }
        }
        await run;
        var warm = samples.Where(s => s.Seconds >= windowMinutes * 60 + 30).ToList();
        if (warm.Count < 2)
        {
            Console.Out.WriteLine("the run was too short to pass the warm-up (recent window + 30 s)");
            return 1;
        }
        var rss = warm.Select(s => s.Rss / 1048576.0).ToList();
        var sorted = rss.Order().ToList();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after warm-up ({warm[0].Seconds:F0} s .. {warm[^1].Seconds:F0} s): RSS first {rss[0]:F0} MiB, median {sorted[sorted.Count / 2]:F0} MiB, max {sorted[^1]:F0} MiB, last {rss[^1]:F0} MiB, growth {rss[^1] - rss[0]:+0;-0} MiB; {samples[^1].Acked / (samples[^1].Seconds - samples[0].Seconds + 10):F0} acks/s"));
        Directory.Delete(state, recursive: true);
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

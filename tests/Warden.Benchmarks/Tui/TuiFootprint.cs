extern alias fleetsim;
extern alias tui;

using System.Diagnostics;
using System.Globalization;
using fleetsim::Warden.FleetSim;
using Warden.Benchmarks.Ingest;
using static Warden.Benchmarks.CommandOptions;
using CheckState = fleetsim::Warden.Proto.V1.CheckState;

namespace Warden.Benchmarks.Tui;

/// <summary>
/// RSS of the published Native AOT `warden` attached to a real aggregator that holds N simulated
/// hosts (FleetSimulator over gRPC, shipping every interval) and M open incidents, raised through
/// real ingest: M of the hosts report a check CRIT or WARN, HARD, and the incident engine opens one
/// incident per host (the fleet fold is set above the fleet size, so they stay M incidents). warden
/// runs in a detached tmux terminal (`tui-footprint --hosts 5000 --incidents 2000 --seconds 60
/// --screen 200x60 --warden PATH --out DIR`); its VmRSS and CPU are read from /proc/PID every second,
/// first on the fleet view, then on `:incidents`. Prints the median and maximum of each phase.
/// </summary>
internal static class TuiFootprint
{
    public static async Task<int> RunAsync(string[] args)
    {
        int hosts = Option(args, "--hosts", 5000), incidents = Option(args, "--incidents", 2000), seconds = Option(args, "--seconds", 60);
        string screen = Text(args, "--screen", "200x60"), warden = Path.GetFullPath(Text(args, "--warden", "artifacts/publish/warden"));
        string output = Text(args, "--out", "artifacts/tui-footprint");
        Directory.CreateDirectory(output);
        string state = Directory.CreateTempSubdirectory("warden-tui-footprint-").FullName;
        string config = Path.Combine(state, "aggregator.json");
        await File.WriteAllTextAsync(config, $$"""{ "Incidents": { "FleetMinHosts": {{hosts + 1}}, "Rules": [] } }""");
        using var server = ServerProcess.Start("warden-aggregator", Path.Combine(state, "address"), "--config", config, "--listen", "http://127.0.0.1:0",
            "--state", state, "--metrics-listen", "", "--port-file", Path.Combine(state, "address"));
        await using var fleet = new FleetSimulator(server.Address, hosts, TimeSpan.FromSeconds(10), "fp");
        var clock = Stopwatch.StartNew();
        await fleet.ConnectAllAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();
        Task run = fleet.RunAsync(stop.Token);
        await FailChecksAsync(fleet, incidents);
        Console.Out.WriteLine($"{hosts} hosts connected and {incidents} checks failed in {clock.Elapsed.TotalSeconds:F0} s");

        (int width, int height) = BenchConsole.Size(screen);
        using var terminal = TerminalSession.Start(warden, server.Address, width, height);
        await terminal.WaitForAsync($"live · {hosts} hosts", TimeSpan.FromMinutes(3));
        var samples = new List<string> { "phase,second,rss_bytes,rss_anon_bytes,cpu_seconds" };
        string fleetView = await SampleAsync(terminal, "hosts", seconds, samples);
        terminal.Type(":incidents");
        terminal.Enter();
        await terminal.WaitForAsync($"live · {incidents} open of {incidents} incidents", TimeSpan.FromMinutes(3));
        string incidentView = await SampleAsync(terminal, "incidents", seconds, samples);
        await File.WriteAllLinesAsync(Path.Combine(output, "rss.csv"), samples);
        await File.WriteAllTextAsync(Path.Combine(output, "screen.txt"), terminal.Screen());
        Console.Out.WriteLine($"warden {screen}, {hosts} hosts, {incidents} open incidents, {seconds} s per view (shared machine):");
        Console.Out.WriteLine(fleetView);
        Console.Out.WriteLine(incidentView);
        await stop.CancelAsync();
        await run.ContinueWith(_ => { }, TaskScheduler.Default);
        Directory.Delete(state, recursive: true);
        return 0;
    }

    /// <summary>Host i fails one of three checks, so the incidents come in P2, P3 and P4.</summary>
    private static async Task FailChecksAsync(FleetSimulator fleet, int count)
    {
        using var gate = new SemaphoreSlim(64);
        await Task.WhenAll(fleet.Hosts.Take(count).Select(async (host, i) =>
        {
            await gate.WaitAsync();
            try
            {
                ulong sequence = (i % 3) switch
                {
                    0 => await host.FailCheckAsync("storage", "disk_space:/var", CheckState.Crit, 97, "crit 95", "/var 97 % used"),
                    1 => await host.FailCheckAsync("system", "cpu_saturation", CheckState.Crit, 99, "crit 98", "CPU busy 99 %"),
                    _ => await host.FailCheckAsync("system", "memory_available", CheckState.Warn, 8, "warn 10", "8 % of memory available"),
                };
                await host.WaitAckedAsync(sequence, CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static async Task<string> SampleAsync(TerminalSession terminal, string phase, int seconds, List<string> csv)
    {
        var rss = new List<double>();
        var anon = new List<double>();
        double cpuStart = terminal.CpuSeconds();
        for (int s = 0; s < seconds; s++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1)); // sampling a running process once a second, not waiting on logic
            ProcStatus memory = terminal.Memory();
            long bytes = memory.Resident;
            long anonBytes = memory.Anonymous;
            rss.Add(bytes / 1048576.0);
            anon.Add(anonBytes / 1048576.0);
            csv.Add(string.Create(CultureInfo.InvariantCulture, $"{phase},{s + 1},{bytes},{anonBytes},{terminal.CpuSeconds():F2}"));
        }

        List<double> sorted = [.. rss.Order()], sortedAnon = [.. anon.Order()];
        double cpu = (terminal.CpuSeconds() - cpuStart) / seconds * 100;
        return string.Create(CultureInfo.InvariantCulture,
            $"  {phase,-9} RSS median {sorted[sorted.Count / 2]:F1} MiB, max {sorted[^1]:F1} MiB, first {rss[0]:F1} MiB, last {rss[^1]:F1} MiB (anonymous median {sortedAnon[sortedAnon.Count / 2]:F1}, file-backed the rest); CPU {cpu:F0} % of one core");
    }
}

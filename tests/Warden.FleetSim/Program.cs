using System.Diagnostics;
using System.Globalization;
using System.Net;
using Warden.FleetSim;

// warden-fleetsim run --aggregator URL [--hosts N] [--interval SECONDS] [--duration SECONDS] [--prefix NAME]
// warden-fleetsim sink [--listen IP:PORT] [--port-file PATH]
var options = ParseOptions(args.Skip(1));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
switch (args.FirstOrDefault())
{
    case "sink":
        await BareSink.RunAsync(IPEndPoint.Parse(options.GetValueOrDefault("listen", "127.0.0.1:0")), address =>
        {
            Console.Out.WriteLine($"bare sink listening on {address}");
            if (options.TryGetValue("port-file", out var file))
            {
                File.WriteAllText(file + ".tmp", address + "\n");
                File.Move(file + ".tmp", file, overwrite: true);
            }
        }, stop.Token);
        return 0;
    case "run":
        var hosts = int.Parse(options.GetValueOrDefault("hosts", "100"), CultureInfo.InvariantCulture);
        var interval = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("interval", "10"), CultureInfo.InvariantCulture));
        var duration = double.Parse(options.GetValueOrDefault("duration", "0"), CultureInfo.InvariantCulture);
        if (duration > 0)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(duration));
        }
        await using (var fleet = new FleetSimulator(options["aggregator"], hosts, interval, options.GetValueOrDefault("prefix", "sim")))
        {
            var clock = Stopwatch.StartNew();
            await fleet.ConnectAllAsync(stop.Token);
            Console.Out.WriteLine($"{hosts} hosts connected in {clock.Elapsed.TotalSeconds:F1} s; shipping every {interval.TotalSeconds} s");
            var run = fleet.RunAsync(stop.Token);
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10)));
                Console.Out.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: {fleet.AckCount} acknowledged");
            }
        }
        return 0;
    default:
        Console.Error.WriteLine("usage: warden-fleetsim run --aggregator URL [--hosts N] [--interval S] [--duration S] [--prefix P] | sink [--listen IP:PORT] [--port-file PATH]");
        return 2;
}

static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    string? key = null;
    foreach (var arg in args)
    {
        if (key is null && arg.StartsWith("--", StringComparison.Ordinal))
        {
            key = arg[2..];
        }
        else if (key is not null)
        {
            options[key] = arg;
            key = null;
        }
    }
    return options;
}

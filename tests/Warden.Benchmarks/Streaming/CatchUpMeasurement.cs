using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Grpc.Net.Client;
using Warden.Agent.Configuration;
using Warden.Agent.Spool;
using Warden.Agent.State;
using Warden.Proto.V1;

namespace Warden.Benchmarks.Streaming;

/// <summary>
/// Time from reconnect to caught up after a 10-minute outage at a 1 s ship interval: 600 real
/// sample batches wait in the agent's spool; the published Native AOT agent and aggregator run as
/// processes on loopback, and the clock runs from the agent's start (AOT start is a few ms) and from
/// its "connected" line until the aggregator has stored the last record. The agent's RSS and CPU
/// are sampled while it replays. Baseline, in the same run: the same agent with an empty spool, up
/// to its first record stored. Each is run RUNS times; medians are reported.
/// </summary>
internal static class CatchUpMeasurement
{
    private const int Backlog = 600;
    private const int Runs = 5;

    public static async Task<int> RunAsync(string publishDirectory, string artifacts)
    {
        foreach (var program in (string[])["warden-agent", "warden-aggregator"])
        {
            if (!File.Exists(Path.Combine(publishDirectory, program)))
            {
                Console.Error.WriteLine($"catch-up: {program} is not published in {publishDirectory} (./build.sh --target=Publish)");
                return 1;
            }
        }
        var window = RealWindow.Of(senses: 10);
        var backlog = new List<Sample>();
        var baseline = new List<Sample>();
        for (var run = 0; run < Runs; run++)
        {
            baseline.Add(await OnceAsync(publishDirectory, window, spooled: 0));
            backlog.Add(await OnceAsync(publishDirectory, window, spooled: Backlog));
            Console.WriteLine($"run {run + 1}: backlog {backlog[^1]}; baseline {baseline[^1]}");
        }
        var report = Report(backlog, baseline);
        Console.WriteLine(report);
        Directory.CreateDirectory(artifacts);
        await File.WriteAllTextAsync(Path.Combine(artifacts, "catchup.txt"), report);
        return 0;
    }

    private static string Report(List<Sample> backlog, List<Sample> baseline)
    {
        double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        var b = (Start: Median(backlog.Select(s => s.FromStartMs)), Connect: Median(backlog.Select(s => s.FromConnectMs)),
            Rss: Median(backlog.Select(s => s.MaxRssMiB)), Cpu: Median(backlog.Select(s => s.CpuPercent)));
        var z = (Start: Median(baseline.Select(s => s.FromStartMs)), Connect: Median(baseline.Select(s => s.FromConnectMs)),
            Rss: Median(baseline.Select(s => s.MaxRssMiB)), Cpu: Median(baseline.Select(s => s.CpuPercent)));
        return string.Create(CultureInfo.InvariantCulture, $"""
            catch-up after a 10-minute outage at 1 s ({Backlog} spooled records), medians of {Runs} runs, Native AOT agent, loopback:
              {Backlog} records: start -> stored {b.Start,8:F0} ms   connected -> stored {b.Connect,8:F0} ms ({Backlog / (b.Connect / 1000):F0} records/s)   agent max RSS {b.Rss:F1} MiB   CPU {b.Cpu:F0} % of a core while replaying
              baseline (1 record): start -> stored {z.Start,8:F0} ms   connected -> stored {z.Connect,8:F0} ms   agent max RSS {z.Rss:F1} MiB   CPU {z.Cpu:F0} % of a core
              ratio backlog/baseline: time from start {b.Start / z.Start:F2}, RSS {b.Rss / z.Rss:F2}
            """);
    }

    private static async Task<Sample> OnceAsync(string publish, SampleBatch window, int spooled)
    {
        var dir = Path.Combine(Path.GetTempPath(), "warden-catchup-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var state = Path.Combine(dir, "agent");
            Spool(state, window, spooled);
            using var aggregator = await AggregatorAsync(publish, dir);
            var config = Path.Combine(dir, "agent.json");
            await File.WriteAllTextAsync(config, $$"""
                { "Host": "catchup", "StateDirectory": "{{state}}",
                  "Aggregator": { "Endpoints": [ "{{aggregator.Address}}" ] },
                  "Sampling": { "SenseIntervalSeconds": 1, "ShipIntervalSeconds": 1 } }
                """);
            using var channel = GrpcChannel.ForAddress(aggregator.Address);
            var operatorClient = new Operator.OperatorClient(channel);
            return await ReplayAsync(publish, config, operatorClient, target: (ulong)Math.Max(spooled, 1));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // The spool an agent leaves after a 10-minute outage: its counter and `count` numbered records.
    private static void Spool(string state, SampleBatch window, int count)
    {
        using var counter = SequenceCounter.Open(state);
        counter.EnsureAbove(0);
        using var spool = RecordSpool.Open(Path.Combine(state, "spool"), new SpoolOptions(), TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            var sequence = counter.PeekNext();
            window.Sequence = sequence;
            spool.Append(sequence, SpoolRecordKind.Samples, window.ToByteArray());
            counter.Advance(sequence);
        }
    }

    private static async Task<Sample> ReplayAsync(string publish, string config, Operator.OperatorClient operatorClient, ulong target)
    {
        var connected = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var info = new ProcessStartInfo(Path.Combine(publish, "warden-agent"), ["--config", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var clock = Stopwatch.StartNew();
        using var agent = Process.Start(info)!;
        var output = new System.Text.StringBuilder();
        agent.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        agent.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
            if (e.Data?.Contains("connected to aggregator", StringComparison.Ordinal) == true)
            {
                connected.TrySetResult(clock.Elapsed);
            }
        };
        agent.BeginOutputReadLine();
        agent.BeginErrorReadLine();
        var ticksAtStart = CpuTicks(agent.Id);
        var maxRss = 0L;
        try
        {
            var deadline = TimeSpan.FromSeconds(60);
            while (clock.Elapsed < deadline)
            {
                maxRss = Math.Max(maxRss, RssKiB(agent.Id));
                var hosts = await operatorClient.ListHostsAsync(new ListHostsRequest());
                if (hosts.Hosts.FirstOrDefault(h => h.Host == "catchup") is { } host && host.LastSequence >= target)
                {
                    var elapsed = clock.Elapsed;
                    var cpu = (CpuTicks(agent.Id) - ticksAtStart) / 100.0 / elapsed.TotalSeconds * 100;
                    var connectedAt = await connected.Task.WaitAsync(TimeSpan.FromSeconds(5));
                    return new Sample(elapsed.TotalMilliseconds, (elapsed - connectedAt).TotalMilliseconds, maxRss / 1024.0, cpu);
                }
                await Task.Delay(10);
            }
            lock (output)
            {
                throw new TimeoutException($"the aggregator did not store sequence {target} within {deadline}; the agent said:\n{output}");
            }
        }
        finally
        {
            agent.Kill();
            await agent.WaitForExitAsync();
        }
    }

    private static async Task<RunningAggregator> AggregatorAsync(string publish, string dir)
    {
        var portFile = Path.Combine(dir, "address");
        var info = new ProcessStartInfo(Path.Combine(publish, "warden-aggregator"),
            ["--listen", "http://127.0.0.1:0", "--state", Path.Combine(dir, "aggregator"), "--port-file", portFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!File.Exists(portFile))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30) || process.HasExited)
            {
                process.Kill();
                throw new InvalidOperationException("the aggregator did not start listening");
            }
            await Task.Delay(20);
        }
        return new RunningAggregator(process, (await File.ReadAllTextAsync(portFile)).Trim());
    }

    // utime + stime of /proc/PID/stat, in clock ticks (USER_HZ, 100 on Linux).
    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static long RssKiB(int pid) => ProcStatus.Read(pid).Resident / 1024;

    private sealed record Sample(double FromStartMs, double FromConnectMs, double MaxRssMiB, double CpuPercent)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"start->stored {FromStartMs:F0} ms, connected->stored {FromConnectMs:F0} ms, RSS {MaxRssMiB:F1} MiB, CPU {CpuPercent:F0} %");
    }

    private sealed class RunningAggregator(Process process, string address) : IDisposable
    {
        public string Address { get; } = address;

        public void Dispose()
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
        }
    }
}

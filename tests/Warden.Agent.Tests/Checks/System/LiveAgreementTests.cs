using System.Diagnostics;
using System.Globalization;
using Warden.Agent.Checks;
using Warden.Agent.Checks.SystemChecks;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Checks.SystemChecks;

/// <summary>The checks on this machine agree with procps (free, vmstat) measuring at the same moment.</summary>
public class LiveAgreementTests
{
    [Fact]
    public void Memory_available_agrees_with_free_within_64_MiB_or_2_percent()
    {
        using var check = new MemoryAvailableCheck(new SystemCheckOptions().MemoryAvailable, HostPaths.Live);
        var agentPct = CheckRuns.Once(check).Result.Value;
        var mem = Run("free", "-b").Split('\n').First(l => l.StartsWith("Mem:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double total = ulong.Parse(mem[1], CultureInfo.InvariantCulture), available = ulong.Parse(mem[6], CultureInfo.InvariantCulture);
        var agentBytes = agentPct / 100 * total;
        Assert.InRange(Math.Abs(agentBytes - available), 0, Math.Max(64.0 * 1024 * 1024, 0.02 * total));
    }

    [Fact]
    public void Load_per_core_is_proc_loadavg_over_the_online_cpus()
    {
        using var check = new LoadPerCoreCheck(new SystemCheckOptions().LoadPerCore, HostPaths.Live);
        var before = Load1();
        var perCore = CheckRuns.Once(check).Result.Value;
        var after = Load1();
        // The kernel recomputes the average every 5 s; it may have done so between the reads.
        Assert.InRange(perCore * Environment.ProcessorCount, Math.Min(before, after) - 0.001, Math.Max(before, after) + 0.001);
    }

    [Fact]
    public void Cpu_split_agrees_with_vmstat_over_the_same_second_within_10_points()
    {
        using var stat = new ProcFile("/proc/stat", 16 * 1024);
        using var spin = new CancellationTokenSource();
        var spinner = new Thread(() => { while (!spin.IsCancellationRequested) { Thread.SpinWait(1000); } }) { IsBackground = true };
        spinner.Start(); // one core busy, so the split is not all idle

        using var vmstat = Process.Start(new ProcessStartInfo("vmstat", ["1", "2"]) { RedirectStandardOutput = true })!;
        Assert.True(stat.TryRead(out var first));
        Assert.True(ProcStatParser.TryParse(first, out var begin));
        var output = vmstat.StandardOutput.ReadToEnd();
        vmstat.WaitForExit();
        Assert.True(stat.TryRead(out var second));
        Assert.True(ProcStatParser.TryParse(second, out var end));
        spin.Cancel();
        spinner.Join();

        var ours = CpuSplit.Between(begin.Total, end.Total);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var values = lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries); // the second sample: the last second
        double Column(string name) => double.Parse(values[header.IndexOf(name)], CultureInfo.InvariantCulture);
        var (us, sy, id, wa, st) = (Column("us"), Column("sy"), Column("id"), Column("wa"), Column("st"));
        Assert.InRange(us + sy + id + wa + st, 97, 103); // vmstat rounds each column
        Assert.InRange(ours.User + ours.Nice, us - 10, us + 10);
        Assert.InRange(ours.System + ours.Irq + ours.SoftIrq, sy - 10, sy + 10);
        Assert.InRange(ours.Idle, id - 10, id + 10);
        Assert.InRange(ours.IoWait, wa - 10, wa + 10);
        Assert.InRange(ours.Steal, st - 10, st + 10);
        Assert.InRange(ours.Busy, 100 - id - wa - 10, 100 - id - wa + 10);
        Assert.True(ours.Busy >= 100.0 / Environment.ProcessorCount - 10, $"a spinning core shows as busy: {ours.Busy}");
    }

    private static double Load1() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    private static string Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}

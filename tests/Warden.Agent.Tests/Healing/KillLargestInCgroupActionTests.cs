using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Healing;

namespace Warden.Agent.Tests.Healing;

/// <summary>
/// A scratch cgroup tree (v2, v1 or hybrid) whose cgroup.procs lists real processes: dd with a big
/// buffer blocked writing into a pipe nobody reads, so its resident set is the buffer.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KillLargestInCgroupActionTests : IDisposable
{
    private const string Cgroup = "test.slice/job.service";
    private readonly ScratchDirectory _root = TestTrees.Scratch();
    private readonly FakeTimeProvider _time = new();
    private readonly List<Process> _processes = [];

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    [InlineData("hybrid")]
    public async Task Signals_only_the_largest_process_listed_in_the_cgroup(string layout)
    {
        var small = StartHog(8);
        var large = StartHog(48);
        var largerButElsewhere = StartHog(64);
        WriteProcs(layout, $"{small.Id}\n{large.Id}\n");

        var result = await HealActions.Create(_time, new HealActionOptions { Kind = HealActionOptions.KillLargestInCgroup, Cgroup = Cgroup }, cgroupRoot: _root.Path)
            .RunAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        await large.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith($"sent KILL to PID {large.Id} (dd, ", result.Detail, StringComparison.Ordinal);
        Assert.EndsWith($" bytes resident), the largest of 2 in {Cgroup}", result.Detail, StringComparison.Ordinal);
        Assert.Equal(137, large.ExitCode);
        Assert.False(small.HasExited);
        Assert.False(largerButElsewhere.HasExited);
    }

    [Fact]
    public async Task A_cgroup_that_is_not_there_kills_nothing()
    {
        var hog = StartHog(8);
        File.WriteAllText(_root.File("cgroup.controllers"), "memory pids\n");

        var result = await HealActions.Create(_time, new HealActionOptions { Kind = HealActionOptions.KillLargestInCgroup, Cgroup = Cgroup, Signal = "TERM" }, cgroupRoot: _root.Path)
            .RunAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal($"no cgroup {Cgroup} below {_root.Path} (V2)", result.Detail);
        Assert.False(hog.HasExited);
    }

    [Fact]
    public void Cgroup_procs_and_statm_parse_and_garbage_is_skipped()
    {
        Assert.Equal([12, 345, 7], CgroupProcesses.Parse("12\n345\n\nx\n-3\n0\n99999999999\n 7 \n"u8));
        Assert.Empty(CgroupProcesses.Parse(""u8));
        Assert.Equal(1234UL, CgroupProcesses.ResidentPages("5678 1234 100 10 0 900 0\n"u8));
        Assert.Null(CgroupProcesses.ResidentPages("5678\n"u8));
        Assert.Null(CgroupProcesses.ResidentPages("5678 x 1\n"u8));
    }

    /// <summary>cgroup.procs where each layout keeps it; v1 has the process in memory/ only.</summary>
    private void WriteProcs(string layout, string procs)
    {
        var dir = layout switch
        {
            "v2" => Marker(_root.Path, "cgroup.controllers"),
            "v1" => Marker(_root.File("memory"), "tasks"),
            _ => Marker(_root.File("unified"), "cgroup.controllers"),
        };
        if (layout == "hybrid")
        {
            Marker(_root.File("memory"), "tasks");
        }
        var cgroup = Path.Combine(dir, Cgroup);
        Directory.CreateDirectory(cgroup);
        File.WriteAllText(Path.Combine(cgroup, "cgroup.procs"), procs);
    }

    private static string Marker(string dir, string file)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, file), "");
        return dir;
    }

    private Process StartHog(int mebibytes)
    {
        var info = new ProcessStartInfo("dd") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["if=/dev/zero", $"bs={mebibytes}M", "count=2"])
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        _processes.Add(process);
        var want = (mebibytes << 20) * 9L / 10;
        HealActions.Until(() => Resident(process.Id) >= want, $"dd to fill its {mebibytes} MiB buffer");
        return process;
    }

    private static long Resident(int pid)
    {
        try
        {
            var fields = File.ReadAllText($"/proc/{pid}/statm").Split(' ');
            return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
            process.Dispose();
        }
        _root.Dispose();
    }
}

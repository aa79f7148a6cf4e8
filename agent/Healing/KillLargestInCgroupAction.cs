using System.Globalization;
using Warden.Agent.Cgroups;
using Warden.Agent.Checks;

namespace Warden.Agent.Healing;

/// <summary>
/// kill-largest-in-cgroup: signals (KILL unless configured otherwise) the process with the largest
/// resident set among those in the configured cgroup's cgroup.procs, on v1, hybrid and v2 hosts alike.
/// Only the configured cgroup is ever looked at; PID 1 and the agent itself are never chosen.
/// </summary>
internal sealed class KillLargestInCgroupAction(string cgroup, string signal, HostPaths paths, TimeProvider time) : HealAction
{
    public override string Description => $"kill-largest-in-cgroup {cgroup}";

    public override Task<HealActionResult> RunAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        ActionDeadline.RunAsync(_ => Task.Run(Kill, CancellationToken.None), timeout, time, cancellationToken);

    private string Kill()
    {
        var reader = new CgroupFileReader();
        // Detected at each run: cgroup trees are mounted and services started after the agent.
        var hierarchy = CgroupHierarchy.Open(paths);
        if (CgroupProcesses.ProcsFile(hierarchy, cgroup) is not { } procsFile)
        {
            return $"no cgroup {cgroup} below {paths.Cgroup} ({hierarchy.Layout})";
        }
        if (!reader.TryRead(procsFile, out var procs))
        {
            return $"{procsFile} could not be read";
        }
        var pids = CgroupProcesses.Parse(procs);
        (int Pid, ulong Pages) largest = (0, 0);
        foreach (var pid in pids)
        {
            if (pid == 1 || pid == Environment.ProcessId)
            {
                continue;
            }
            var statm = Path.Combine(paths.Proc, pid.ToString(CultureInfo.InvariantCulture), "statm");
            if (reader.TryRead(statm, out var text) && CgroupProcesses.ResidentPages(text) is { } pages && (largest.Pid == 0 || pages > largest.Pages))
            {
                largest = (pid, pages);
            }
        }
        if (largest.Pid == 0)
        {
            return $"no running process in {cgroup} ({pids.Count} listed in {procsFile})";
        }
        var rss = largest.Pages * (ulong)Environment.SystemPageSize;
        var what = string.Create(CultureInfo.InvariantCulture,
            $"PID {largest.Pid} ({Comm(largest.Pid)}, {rss} bytes resident), the largest of {pids.Count} in {cgroup}");
        return Signals.Send(largest.Pid, Signals.Number(signal)!.Value) is { } error
            ? $"could not send {signal} to {what}: {error}"
            : $"sent {signal} to {what}";
    }

    private string Comm(int pid)
    {
        try
        {
            return File.ReadAllText(Path.Combine(paths.Proc, pid.ToString(CultureInfo.InvariantCulture), "comm")).TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }
}

using Warden.Agent.Checks;
using Warden.Agent.Checks.Exec;
using Warden.Agent.Services;

namespace Warden.Agent.Healing;

/// <summary>How one heal action ended. Success of the heal is judged by the check, not by this.</summary>
internal readonly record struct HealActionResult(bool TimedOut, string Detail);

/// <summary>
/// One configured heal action. The kinds are a fixed, explicit set (no reflection): restart-unit and
/// run are argv commands, signal is kill(2) on the processes named; the others have their own classes.
/// </summary>
internal abstract class HealAction
{
    /// <summary>Kind and target as configured ("restart-unit web.service"), shown in events.</summary>
    public abstract string Description { get; }

    public abstract Task<HealActionResult> RunAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>The action <paramref name="o"/> describes; its settings were validated at start-up (HealProblems).</summary>
    public static HealAction Create(HealActionOptions o, string systemctlPath, HostPaths paths, TimeProvider time) => o.Kind switch
    {
        HealActionOptions.RestartUnit => new CommandAction($"restart-unit {o.Unit}", [systemctlPath, "restart", o.Unit!], time),
        HealActionOptions.Run => new CommandAction($"run {string.Join(' ', o.Command)}", o.Command, time),
        HealActionOptions.SendSignal => new SignalAction(o.ProcessName!, o.EffectiveSignal, new ProcessTable(paths.Proc)),
        HealActionOptions.RestartProcess => new RestartProcessAction(Checks.Service.ProcessRule.Matcher(o.ProcessName, o.Cmdline, null)!,
            o.EffectiveSignal, TimeSpan.FromSeconds(o.StopSeconds), o.Command, new ProcessTable(paths.Proc), time),
        HealActionOptions.DropCaches => new DropCachesAction(o.Level, paths.Proc, time),
        HealActionOptions.CleanDirectory => new CleanDirectoryAction(o.Directory!, o.Pattern, TimeSpan.FromMinutes(o.OlderThanMinutes), o.MaxBytes, time),
        HealActionOptions.KillLargestInCgroup => new KillLargestInCgroupAction(o.Cgroup!, o.EffectiveSignal, paths, time),
        _ => throw new ArgumentException($"unknown heal action kind '{o.Kind}'", nameof(o)),
    };
}

/// <summary>Runs argv without a shell; past the timeout it and every process it started are killed.</summary>
internal sealed class CommandAction(string description, IReadOnlyList<string> argv, TimeProvider time) : HealAction
{
    public override string Description => description;

    public override async Task<HealActionResult> RunAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The plugin runner already bounds output, closes stdin and kills the tree on the injected clock.
        var run = await PluginRunner.RunAsync(argv, timeout, time, cancellationToken).ConfigureAwait(false);
        if (run.TimedOut)
        {
            return new(true, $"killed after {timeout.TotalSeconds:0.###} s");
        }
        var detail = run.ExitCode is { } code ? $"exit {code}" : $"could not start: {run.Error}";
        return new(false, run.Error.Length > 0 && run.ExitCode is not null ? $"{detail}: {run.Error}" : detail);
    }
}

/// <summary>Sends a signal to every running process with the given name (/proc/PID/comm).</summary>
internal sealed class SignalAction(string processName, string signal, ProcessTable processes) : HealAction
{
    public override string Description => $"signal {signal} {processName}";

    public override Task<HealActionResult> RunAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var number = Signals.Number(signal) ?? throw new InvalidOperationException($"unknown signal '{signal}'");
        List<int> pids;
        try
        {
            pids = processes.Matching(ProcessMatcher.ByName(processName));
        }
        catch (IOException e)
        {
            return Task.FromResult(new HealActionResult(false, $"process table could not be read: {e.Message}"));
        }
        if (pids.Count == 0)
        {
            return Task.FromResult(new HealActionResult(false, $"no process named {processName}"));
        }
        var sent = new List<string>();
        foreach (var pid in pids)
        {
            sent.Add(Signals.Send(pid, number) is { } error ? $"{pid} ({error})" : $"{pid}");
        }
        return Task.FromResult(new HealActionResult(false, $"sent {signal} to PID {string.Join(", ", sent)}"));
    }
}

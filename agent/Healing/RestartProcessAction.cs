using System.Globalization;
using Warden.Agent.Checks.Exec;
using Warden.Agent.Services;

namespace Warden.Agent.Healing;

/// <summary>
/// restart-process: stops every process the matcher finds (the signal, then KILL for those still there
/// after the stop wait) and starts the command again, detached: its standard streams are /dev/null, it
/// is not the agent's child and runs in its own session, so it outlives the action and the agent.
/// </summary>
internal sealed class RestartProcessAction(ProcessMatcher matcher, string signal, TimeSpan stopWait, IReadOnlyList<string> command,
    ProcessTable processes, TimeProvider time) : HealAction
{
    // A fixed trampoline: the configured argv arrives as "$@" and is never parsed by the shell. setsid
    // (util-linux), where present, gives it its own session, so a signal to the agent's process group
    // (a terminal's Ctrl-C, timeout(1)) does not reach it.
    private const string Detach = "s=; command -v setsid >/dev/null 2>&1 && s=setsid; $s \"$@\" </dev/null >/dev/null 2>&1 & echo $!";

    public override string Description => $"restart-process {matcher.Description}";

    public override Task<HealActionResult> RunAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        ActionDeadline.RunAsync(async token => $"{await StopAsync(token).ConfigureAwait(false)}; {await StartAsync(timeout, token).ConfigureAwait(false)}",
            timeout, time, cancellationToken);

    private async Task<string> StopAsync(CancellationToken token)
    {
        List<int> pids;
        try
        {
            pids = processes.Matching(matcher);
        }
        catch (IOException e)
        {
            return $"process table could not be read: {e.Message}";
        }
        pids.Remove(Environment.ProcessId);
        if (pids.Count == 0)
        {
            return $"no running process matched {matcher.Description}";
        }
        var list = string.Join(", ", pids);
        SendAll(pids, Signals.Number(signal)!.Value);
        using (var grace = new CancellationTokenSource(stopWait, time))
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(grace.Token, token))
        {
            if (await ProcessExit.WaitAllAsync(pids, wait.Token).ConfigureAwait(false))
            {
                return $"stopped PID {list} with {signal}";
            }
        }
        token.ThrowIfCancellationRequested();
        SendAll(pids, Signals.Number("KILL")!.Value);
        if (!await ProcessExit.WaitAllAsync(pids, token).ConfigureAwait(false))
        {
            token.ThrowIfCancellationRequested();
        }
        return string.Create(CultureInfo.InvariantCulture, $"stopped PID {list}: still running {stopWait.TotalSeconds:0.###} s after {signal}, so KILL");
    }

    private async Task<string> StartAsync(TimeSpan timeout, CancellationToken token)
    {
        var run = await PluginRunner.RunAsync(["/bin/sh", "-c", Detach, "warden-restart", .. command], timeout, time, token).ConfigureAwait(false);
        token.ThrowIfCancellationRequested();
        return run.ExitCode == 0 && int.TryParse(run.Output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? $"started {command[0]} as PID {pid}"
            : $"could not start {command[0]}: {(run.ExitCode is { } code ? $"exit {code} {run.Error}" : run.Error)}";
    }

    private static void SendAll(List<int> pids, int number)
    {
        foreach (var pid in pids)
        {
            Signals.Send(pid, number); // ESRCH: it exited meanwhile, which is what we want
        }
    }
}

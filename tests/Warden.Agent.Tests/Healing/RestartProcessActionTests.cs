using System.Diagnostics;
using Warden.Agent.Healing;

namespace Warden.Agent.Tests.Healing;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RestartProcessActionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stops_the_matching_process_and_starts_the_command_detached()
    {
        using var h = new HealHarness((_, _) => { });
        using var old = h.StartService();
        var action = HealActions.Create(h.Time, new HealActionOptions { Kind = HealActionOptions.RestartProcess, ProcessName = h.Name, Command = [h.Binary, "600"] });

        var result = await action.RunAsync(Timeout, CancellationToken.None);

        await old.WaitForExitAsync().WaitAsync(Timeout);
        var restarted = StartedAs(h, result);
        Assert.NotEqual(old.Id, restarted);
        Assert.Equal((false, $"stopped PID {old.Id} with TERM; started {h.Binary} as PID {restarted}"), (result.TimedOut, result.Detail));
        Assert.Equal($"restart-process name {h.Name}", action.Description);
        // Detached: not the agent's child, in a session of its own, and not holding the agent's output.
        Assert.NotEqual(Environment.ProcessId, StatField(restarted, 1));
        Assert.Equal(restarted, StatField(restarted, 3));
        Assert.Equal("/dev/null", new FileInfo($"/proc/{restarted}/fd/1").LinkTarget);
    }

    [Fact]
    public async Task A_process_that_ignores_the_signal_is_killed_after_the_stop_wait()
    {
        using var h = new HealHarness((_, _) => { });
        using var stubborn = StartStubborn(h);
        var action = HealActions.Create(h.Time, new HealActionOptions
        {
            Kind = HealActionOptions.RestartProcess, Cmdline = $"{h.Binary} 600", StopSeconds = 5, Command = [h.Binary, "600"],
        });

        var running = action.RunAsync(Timeout, CancellationToken.None);
        Assert.False(running.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        var result = await running.WaitAsync(Timeout);

        await stubborn.WaitForExitAsync().WaitAsync(Timeout);
        Assert.StartsWith($"stopped PID {stubborn.Id}: still running 5 s after TERM, so KILL; started {h.Binary} as PID ", result.Detail, StringComparison.Ordinal);
        Assert.Equal(137, stubborn.ExitCode); // 128 + SIGKILL
        Assert.NotEqual(stubborn.Id, StartedAs(h, result));
    }

    [Fact]
    public async Task A_stop_that_outlasts_the_timeout_is_TIMED_OUT_and_nothing_is_started()
    {
        using var h = new HealHarness((_, _) => { });
        using var stubborn = StartStubborn(h);
        var action = HealActions.Create(h.Time, new HealActionOptions
        {
            Kind = HealActionOptions.RestartProcess, ProcessName = h.Name, StopSeconds = 20, Command = [h.Binary, "600"],
        });

        var running = action.RunAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(10));
        var result = await running.WaitAsync(Timeout);

        Assert.Equal((true, "gave up after 10 s"), (result.TimedOut, result.Detail));
        Assert.Equal([stubborn.Id], h.Running());
    }

    [Fact]
    public async Task With_nothing_to_stop_it_still_starts_the_command()
    {
        using var h = new HealHarness((_, _) => { });
        var action = HealActions.Create(h.Time, new HealActionOptions { Kind = HealActionOptions.RestartProcess, ProcessName = h.Name, Command = [h.Binary, "600"] });

        var result = await action.RunAsync(Timeout, CancellationToken.None);

        var started = StartedAs(h, result);
        Assert.Equal($"no running process matched name {h.Name}; started {h.Binary} as PID {started}", result.Detail);
    }

    /// <summary>
    /// The PID the detail reports, once it runs as the service: the action returns when the start was
    /// forked, which may be just before the exec.
    /// </summary>
    private static int StartedAs(HealHarness h, HealActionResult result)
    {
        var pid = int.Parse(result.Detail[(result.Detail.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        HealActions.Until(() => h.Running() is [var only] && only == pid, $"PID {pid} to run as {h.Name}, alone");
        return pid;
    }

    /// <summary>The service binary with SIGTERM ignored (an ignored signal stays ignored across exec).</summary>
    private static Process StartStubborn(HealHarness h)
    {
        var process = Process.Start(h.Script("stubborn.sh", $"trap '' TERM\nexec \"{h.Binary}\" 600\n"))!;
        HealActions.Until(() => h.Running().Contains(process.Id), "the stubborn service to exec");
        return process;
    }

    /// <summary>A numeric field of /proc/PID/stat after "(comm) state": 1 ppid, 2 pgrp, 3 session.</summary>
    private static int StatField(int pid, int index)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[index], System.Globalization.CultureInfo.InvariantCulture);
    }
}

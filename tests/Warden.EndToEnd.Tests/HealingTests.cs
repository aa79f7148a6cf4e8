using System.Diagnostics;
using Warden.EndToEnd.Tests.Harness;
using Warden.Proto.V1;

namespace Warden.EndToEnd.Tests;

/// <summary>
/// Local healing with a real agent, a real aggregator on 127.0.0.1 and real processes and files:
/// systemd is not PID 1 here, so restart-unit runs a stand-in systemctl (Checks:SystemctlPath) that
/// records its arguments and really starts the test's service again.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class HealingTests
{
    [Fact]
    public async Task A_killed_service_is_restarted_through_systemctl_after_three_failed_checks_and_the_heal_is_stored_SUCCEEDED()
    {
        Process? service = null;
        using var scene = await HealScene.StartAsync("e2e-heal-restart", s => $$"""
            { "Service": {{s.ServiceSection}}, "SystemctlPath": "{{StandInSystemctl(s, restarts: true)}}",
              "Heal": [ { "Check": "{{s.ServiceCheck}}", "TimeoutSeconds": 10, "GraceIntervals": 2,
                          "Actions": [ { "Kind": "restart-unit", "Unit": "e2e-web.service" } ] } ] }
            """, before: s => service = s.StartService());
        using (service)
        {
            await scene.UntilAsync(() => scene.Agent.Output.Contains("connected to", StringComparison.Ordinal), "the agent to connect");
            service!.Kill();
            await service.WaitForExitAsync();
        }

        await scene.LoggedAndStoredAsync($"heal {scene.ServiceCheck} Succeeded");

        Assert.Single(scene.Running());
        Assert.Equal(["restart e2e-web.service"], File.ReadAllLines(scene.Dir.File("systemctl.args")));
        var heals = await scene.StoredHealsAsync(scene.ServiceCheck);
        Assert.Equal([HealOutcome.Started, HealOutcome.Succeeded], heals.Select(h => h.Outcome));
        Assert.Equal(("restart-unit e2e-web.service", "exit 0"), (heals[0].Action, heals[0].Detail));
        Assert.Contains("HARD after 3/3 non-OK results", heals[0].Rule, StringComparison.Ordinal);
        Assert.Equal((1u, 3u), (heals[0].RunsInWindow, heals[0].Budget));
        var transitions = scene.StoredTransitions(scene.ServiceCheck);
        Assert.Contains(transitions, t => t is { ToState: CheckState.Crit, StateType: StateType.Hard, Attempt: 3 });
        Assert.Equal(CheckState.Ok, transitions[^1].ToState);
    }

    [Fact]
    public async Task Restart_process_starts_a_killed_service_detached_and_the_agent_still_stops_cleanly()
    {
        using var scene = await HealScene.StartAsync("e2e-heal-process", s => $$"""
            { "Service": {{s.ServiceSection}},
              "Heal": [ { "Check": "{{s.ServiceCheck}}", "TimeoutSeconds": 10,
                          "Actions": [ { "Kind": "restart-process", "ProcessName": "{{s.Name}}", "Command": [ "{{s.Binary}}", "600" ] } ] } ] }
            """);

        await scene.LoggedAndStoredAsync($"heal {scene.ServiceCheck} Succeeded");

        var restarted = Assert.Single(scene.Running());
        var heals = await scene.StoredHealsAsync(scene.ServiceCheck); // stops the agent: the service holds none of its pipes
        Assert.Equal([HealOutcome.Started, HealOutcome.Succeeded], heals.Select(h => h.Outcome));
        Assert.Equal($"no running process matched name {scene.Name}; started {scene.Binary} as PID {restarted}", heals[0].Detail);
        Assert.Equal([restarted], scene.Running()); // it outlives the agent
    }

    [Fact]
    public async Task A_service_that_never_recovers_is_healed_up_to_the_budget_then_heal_exhausted_is_stored_and_nothing_more_runs()
    {
        using var scene = await HealScene.StartAsync("e2e-heal-exhausted", s => $$"""
            { "Service": {{s.ServiceSection}}, "SystemctlPath": "{{StandInSystemctl(s, restarts: false)}}",
              "HealBudget": { "MaxRuns": 2, "WindowMinutes": 30 },
              "Heal": [ { "Check": "{{s.ServiceCheck}}", "TimeoutSeconds": 10, "GraceIntervals": 1,
                          "Actions": [ { "Kind": "restart-unit", "Unit": "e2e-dead.service" } ] } ] }
            """);

        await scene.LoggedAndStoredAsync($"heal {scene.ServiceCheck} exhausted");
        // Ten more records stored take 5 s of shipping: over fifteen more check intervals, five more HARD cycles.
        var after = (await scene.Aggregator.FindHostAsync(scene.Host))!.LastSequence;
        await Eventually.TrueAsync(async () => (await scene.Aggregator.FindHostAsync(scene.Host))!.LastSequence >= after + 10, "five seconds more of records");

        Assert.Equal(["restart e2e-dead.service", "restart e2e-dead.service"], File.ReadAllLines(scene.Dir.File("systemctl.args")));
        var heals = await scene.StoredHealsAsync(scene.ServiceCheck);
        Assert.Equal([HealOutcome.Started, HealOutcome.Failed, HealOutcome.Started, HealOutcome.Failed, HealOutcome.Exhausted], heals.Select(h => h.Outcome));
        Assert.Equal((2u, 2u), (heals[^1].RunsInWindow, heals[^1].Budget));
        Assert.Equal(2, heals[^1].Detail.Split("FAILED").Length - 1);
    }

    [Fact]
    public async Task A_hanging_heal_action_is_killed_at_its_timeout_and_stored_TIMED_OUT()
    {
        using var scene = await HealScene.StartAsync("e2e-heal-hang", s => $$"""
            { "Service": {{s.ServiceSection}}, "HealBudget": { "MaxRuns": 1 },
              "Heal": [ { "Check": "{{s.ServiceCheck}}", "TimeoutSeconds": 1,
                          "Actions": [ { "Kind": "run", "Command": [ "{{s.Script("hang.sh", $"exec \"{s.Binary}h\" 600\n")}}" ] } ] } ] }
            """, before: s => File.Copy("/bin/sleep", s.Binary + "h"));
        await scene.UntilAsync(() => Process.GetProcessesByName(scene.Name + "h").Length == 1, "the heal action to hang");

        await scene.LoggedAndStoredAsync($"heal {scene.ServiceCheck}: run {scene.Dir.File("hang.sh")} TimedOut");

        Assert.Empty(Process.GetProcessesByName(scene.Name + "h")); // the hanging action was killed, not left behind
        var heals = await scene.StoredHealsAsync(scene.ServiceCheck);
        Assert.Equal(HealOutcome.TimedOut, heals[0].Outcome);
        Assert.Equal("killed after 1 s", heals[0].Detail);
    }

    [Fact]
    public async Task A_directory_filled_past_its_threshold_is_cleaned_and_the_check_returns_to_OK()
    {
        var hourAgo = DateTime.UtcNow - TimeSpan.FromHours(2);
        using var scene = await HealScene.StartAsync("e2e-heal-clean", s => $$"""
            { "Storage": { "DirectorySize": { "IntervalSeconds": {{HealScene.Interval}}, "Warn": 500000, "Crit": 1000000 },
                           "Directories": [ "{{s.Dir.File("spool")}}" ] },
              "Heal": [ { "Check": "directory_size:{{s.Dir.File("spool")}}", "TimeoutSeconds": 10,
                          "Actions": [ { "Kind": "clean-directory", "Directory": "{{s.Dir.File("spool")}}", "Pattern": "*.log",
                                         "OlderThanMinutes": 60, "MaxBytes": 10000000 } ] } ] }
            """, before: s =>
        {
            Directory.CreateDirectory(s.Dir.File("spool/old"));
            for (var i = 0; i < 20; i++)
            {
                Fill(s.Dir.File($"spool/old/{i:00}.log"), 100_000, hourAgo);
            }
            Fill(s.Dir.File("spool/keep.dat"), 100_000, hourAgo);
            Fill(s.Dir.File("spool/young.log"), 100_000, DateTime.UtcNow);
        });
        var check = $"directory_size:{scene.Dir.File("spool")}";

        await scene.LoggedAndStoredAsync($"heal {check} Succeeded");

        Assert.Equal(["keep.dat", "young.log"], Directory.GetFiles(scene.Dir.File("spool"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order());
        var heals = await scene.StoredHealsAsync(check);
        Assert.Equal([HealOutcome.Started, HealOutcome.Succeeded], heals.Select(h => h.Outcome));
        Assert.Equal($"removed 20 files, 2000000 bytes from {scene.Dir.File("spool")} (*.log, older than 60 min)", heals[0].Detail);
        Assert.Equal(2_200_000, heals[0].Evidence.Single().Last);
        Assert.Contains("200000 bytes in 2 files", heals[1].Detail, StringComparison.Ordinal);
    }

    /// <summary>Records "$@" in systemctl.args; with <paramref name="restarts"/> it starts the service again, as systemd would.</summary>
    private static string StandInSystemctl(HealScene scene, bool restarts) => scene.Script("systemctl",
        $"echo \"$@\" >> \"{scene.Dir.File("systemctl.args")}\"\n{(restarts ? scene.StartServiceLine : "")}\n");

    private static void Fill(string path, int bytes, DateTime lastWrite)
    {
        File.WriteAllBytes(path, new byte[bytes]);
        File.SetLastWriteTimeUtc(path, lastWrite);
    }
}

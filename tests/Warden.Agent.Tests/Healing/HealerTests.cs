using Warden.Agent.Checks;
using Warden.Agent.Healing;
using Warden.Proto.V1;

namespace Warden.Agent.Tests.Healing;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HealerTests
{
    [Fact]
    public async Task A_killed_service_is_restarted_by_a_run_action_and_the_check_judges_the_heal_SUCCEEDED()
    {
        using var h = new HealHarness((checks, h) => checks.Heal =
            [new HealRuleOptions { Check = h.CheckKey, Actions = [new HealActionOptions { Kind = HealActionOptions.Run, Command = [h.StartScript] }] }]);
        using (var service = h.StartService())
        {
            Assert.Equal(CheckStatus.Ok, await h.EvaluateAsync());
            service.Kill();
            await service.WaitForExitAsync();
        }

        await FailThreeTimesAsync(h);
        await h.HealsDoneAsync();
        Assert.Single(h.Running());
        var started = Assert.Single(h.Heals());
        Assert.Equal((HealOutcome.Started, $"run {h.StartScript}", "exit 0", 1u, 3u),
            (started.Outcome, started.Action, started.Detail, started.RunsInWindow, started.Budget));
        Assert.Equal(h.CheckKey, started.Check);
        Assert.Contains("HARD after 3/3", started.Rule, StringComparison.Ordinal);
        Assert.Equal(("check.value", 0.0), (started.Evidence.Single().Name, started.Evidence.Single().Last));

        // Within the grace the result judges nothing; the first result after it does.
        Assert.Equal(CheckStatus.Ok, await h.EvaluateAsync());
        Assert.Single(h.Heals());
        h.Time.Advance(HealHarness.Interval * 2);
        Assert.Equal(CheckStatus.Ok, await h.EvaluateAsync());
        Assert.Equal(HealOutcome.Succeeded, h.Heals()[^1].Outcome);
    }

    [Fact]
    public async Task A_service_that_never_recovers_is_healed_at_most_the_budget_then_heal_exhausted_is_sent_once()
    {
        using var h = new HealHarness((checks, h) => checks.Heal =
            [new HealRuleOptions { Check = h.CheckKey, Actions = [new HealActionOptions { Kind = HealActionOptions.Run, Command = ["/bin/sh", "-c", $"echo ran >> {h.Dir.File("runs")}"] }] }]);

        for (var cycle = 0; cycle < 6; cycle++)
        {
            await FailThreeTimesAsync(h);
            await h.HealsDoneAsync();
            h.Time.Advance(HealHarness.Interval * 2);
            Assert.Equal(CheckStatus.Crit, await h.EvaluateAsync()); // judges the run, counting starts again
        }

        Assert.Equal(3, File.ReadAllLines(h.Dir.File("runs")).Length);
        var outcomes = h.Heals().Select(e => e.Outcome).ToList();
        Assert.Equal([HealOutcome.Started, HealOutcome.Failed, HealOutcome.Started, HealOutcome.Failed, HealOutcome.Started, HealOutcome.Failed, HealOutcome.Exhausted], outcomes);
        var exhausted = h.Heals()[^1];
        Assert.Equal((3u, 3u), (exhausted.RunsInWindow, exhausted.Budget));
        Assert.Equal(3, exhausted.Detail.Split("FAILED").Length - 1);
    }

    [Fact]
    public async Task Each_batch_reports_the_heal_budget_left_per_healed_check_down_to_zero_when_exhausted_and_back_after_a_reset()
    {
        using var h = new HealHarness((checks, h) => checks.Heal =
            [new HealRuleOptions { Check = h.CheckKey, Actions = [new HealActionOptions { Kind = HealActionOptions.Run, Command = ["/bin/true"] }] }]);
        (double Left, double Max) Budget()
        {
            var batch = new SampleBatch();
            h.Service.Healer.AddBudgetsTo(batch, h.Time.GetUtcNow());
            var left = batch.Readings.Single(r => r.Name == "heal.budget_left");
            Assert.Equal((h.CheckKey, 1u), (left.Subject, left.Count));
            return (left.Last, batch.Readings.Single(r => r.Name == "heal.budget_max" && r.Subject == h.CheckKey).Last);
        }

        Assert.Equal((3, 3), Budget());
        for (var cycle = 0; cycle < 4; cycle++)
        {
            await FailThreeTimesAsync(h);
            await h.HealsDoneAsync();
            Assert.Equal((Math.Max(0, 2 - cycle), 3), Budget());
            h.Time.Advance(HealHarness.Interval * 2);
            Assert.Equal(CheckStatus.Crit, await h.EvaluateAsync());
        }

        Assert.Equal(HealOutcome.Exhausted, h.Heals()[^1].Outcome);
        // Exhausted stays spent even once the runs leave the window, until a reset.
        h.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal((0, 3), Budget());
        h.Service.Healer.ResetBudgets(h.CheckKey);
        Assert.Equal((3, 3), Budget());
    }

    [Fact]
    public async Task A_hanging_action_is_killed_and_reported_TIMED_OUT_and_the_next_action_still_runs()
    {
        using var h = new HealHarness((checks, h) => checks.Heal =
        [
            new HealRuleOptions
            {
                Check = h.CheckKey,
                TimeoutSeconds = 30,
                Actions =
                [
                    new HealActionOptions { Kind = HealActionOptions.Run, Command = [h.Script("hang.sh", "sleep 600\n")] },
                    new HealActionOptions { Kind = HealActionOptions.Run, Command = [h.StartScript] },
                ],
            },
        ]);

        await FailThreeTimesAsync(h);
        h.Time.Advance(TimeSpan.FromSeconds(31)); // the hanging action's deadline, armed when the heal began
        await h.HealsDoneAsync();

        var heals = h.Heals();
        Assert.Equal([HealOutcome.TimedOut, HealOutcome.Started], heals.Select(e => e.Outcome));
        Assert.Contains("hang.sh", heals[0].Action, StringComparison.Ordinal);
        Assert.Single(h.Running());
    }

    [Fact]
    public async Task Restart_unit_runs_the_configured_systemctl_with_restart_and_the_unit()
    {
        using var h = new HealHarness((checks, h) =>
        {
            checks.SystemctlPath = h.Script("systemctl", $"echo \"$@\" >> {h.Dir.File("argv")}\nexec {h.StartScript}\n");
            checks.Heal = [new HealRuleOptions { Check = h.CheckKey, Actions = [new HealActionOptions { Kind = HealActionOptions.RestartUnit, Unit = "web.service" }] }];
        });

        await FailThreeTimesAsync(h);
        await h.HealsDoneAsync();
        h.Time.Advance(HealHarness.Interval * 2);

        Assert.Equal(CheckStatus.Ok, await h.EvaluateAsync());
        Assert.Equal(["restart web.service"], File.ReadAllLines(h.Dir.File("argv")));
        Assert.Equal([HealOutcome.Started, HealOutcome.Succeeded], h.Heals().Select(e => e.Outcome));
        Assert.Equal("restart-unit web.service", h.Heals()[0].Action);
    }

    [Fact]
    public async Task A_signal_action_signals_every_process_with_the_name()
    {
        using var h = new HealHarness((checks, h) => checks.Heal =
            [new HealRuleOptions { Check = "disk_space:/var", Actions = [new HealActionOptions { Kind = HealActionOptions.SendSignal, ProcessName = h.Name, Signal = "TERM" }] }]);
        using var service = h.StartService();
        var crit = new CheckOutcome("disk_space", "/var", Component.Storage, new CheckResult(CheckStatus.Crit, 97, "crit ≥ 95 %", "97 % used"));

        for (var i = 0; i < 3; i++)
        {
            h.Service.Judge([crit]);
        }
        await h.HealsDoneAsync();

        await service.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var started = Assert.Single(h.Heals());
        Assert.Equal($"sent TERM to PID {service.Id}", started.Detail);
        Assert.Equal(97, started.Evidence.Single().Last);
    }

    private static async Task FailThreeTimesAsync(HealHarness h)
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(CheckStatus.Crit, await h.EvaluateAsync());
        }
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Warden.Agent.Checks;
using Warden.Agent.Configuration;
using Warden.Agent.Healing;
using Warden.Agent.Streaming;
using Warden.Agent.Tests.Healing;
using Warden.Proto.V1;

namespace Warden.Agent.Tests.Streaming;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AgentCommandsTests
{
    [Fact]
    public async Task Reset_heal_budget_lets_an_exhausted_check_be_healed_again_and_says_what_was_reset()
    {
        using var h = new HealHarness((checks, h) =>
        {
            checks.HealBudget.MaxRuns = 1;
            checks.Heal = [new HealRuleOptions { Check = h.CheckKey, Actions = [new HealActionOptions { Kind = HealActionOptions.Run, Command = ["/bin/sh", "-c", $"echo ran >> {h.Dir.File("runs")}"] }] }];
        });
        var commands = new AgentCommands(() => { }, h.Service.Healer, NullLogger.Instance);
        await FailAsync(h, 3);
        await h.HealsDoneAsync();
        h.Time.Advance(HealHarness.Interval * 2);
        await FailAsync(h, 4); // judges FAILED, then HARD again: the budget of one is spent
        Assert.Equal([HealOutcome.Started, HealOutcome.Failed, HealOutcome.Exhausted], h.Heals().Select(e => e.Outcome));

        var result = commands.Execute(new Command { CommandId = "c-1", ResetHealBudget = new ResetHealBudget { Check = h.CheckKey } });

        Assert.Equal(("c-1", true, $"reset the heal budget of {h.CheckKey}"), (result.CommandId, result.Ok, result.Detail));
        // Still failing: the first result after the reset starts the count again, MaxAttempts more make it HARD and heal it.
        await FailAsync(h, 1 + 3);
        await h.HealsDoneAsync();
        Assert.Equal(HealOutcome.Started, h.Heals()[^1].Outcome);
        Assert.Equal(2, File.ReadAllLines(h.Dir.File("runs")).Length);
    }

    [Fact]
    public void An_empty_check_resets_every_healed_check_and_an_unknown_one_is_refused_naming_the_known()
    {
        using var h = new HealHarness((checks, h) => checks.Heal =
        [
            new HealRuleOptions { Check = "disk_space:/var", Actions = [new HealActionOptions { Kind = HealActionOptions.DropCaches }] },
            new HealRuleOptions { Check = h.CheckKey, Actions = [new HealActionOptions { Kind = HealActionOptions.DropCaches }] },
        ]);
        var commands = new AgentCommands(() => { }, h.Service.Healer, NullLogger.Instance);

        var all = commands.Execute(new Command { CommandId = "c-2", ResetHealBudget = new ResetHealBudget() });
        var unknown = commands.Execute(new Command { CommandId = "c-3", ResetHealBudget = new ResetHealBudget { Check = "disk_space:/srv" } });

        Assert.Equal((true, $"reset the heal budget of disk_space:/var, {h.CheckKey}"), (all.Ok, all.Detail));
        Assert.Equal((false, $"no heal rule for check 'disk_space:/srv'; checks with heal rules: disk_space:/var, {h.CheckKey}"), (unknown.Ok, unknown.Detail));
    }

    [Fact]
    public void Collect_now_runs_and_an_empty_command_is_refused()
    {
        using var h = new HealHarness((_, _) => { });
        var collected = 0;
        var commands = new AgentCommands(() => collected++, h.Service.Healer, NullLogger.Instance);

        var collect = commands.Execute(new Command { CommandId = "c-4", CollectNow = new CollectNow() });
        var nothing = commands.Execute(new Command { CommandId = "c-5" });

        Assert.Equal((1, true), (collected, collect.Ok));
        Assert.Equal((false, "this agent does not know the action None"), (nothing.Ok, nothing.Detail));
    }

    [Fact]
    public void Hello_advertises_the_reset_heal_budget_command()
    {
        var identity = new AgentIdentity(new AgentOptions { Host = "h1" }, TimeProvider.System);
        Assert.Contains("command.reset-heal-budget", identity.ToHello(0, 1, 0).Capabilities);
    }

    private static async Task FailAsync(HealHarness h, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(CheckStatus.Crit, await h.EvaluateAsync());
        }
    }
}

using Warden.Agent.Healing;
using Warden.Proto.V1;

namespace Warden.Agent.Tests.Healing;

public sealed class HealLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Before_any_heal_the_counters_are_zero_and_there_is_no_last_heal_age()
    {
        var batch = new SampleBatch();
        new HealLedger().AddTo(batch, T0);
        Assert.All(batch.Readings, r => Assert.Equal(0, r.Last));
        Assert.DoesNotContain(batch.Readings, r => r.Name == "agent.last_heal_age_seconds");
        Assert.Contains(batch.Readings, r => r.Name == "agent.heal_runs_total");
    }

    [Fact]
    public void Counts_each_outcome_and_keeps_the_latest_step()
    {
        var ledger = new HealLedger();
        ledger.Record(Heal(HealOutcome.Started), T0);
        ledger.Record(Heal(HealOutcome.Failed), T0.AddSeconds(10));
        ledger.Record(Heal(HealOutcome.Started), T0.AddSeconds(20));
        ledger.Record(Heal(HealOutcome.TimedOut), T0.AddSeconds(25));
        ledger.Record(Heal(HealOutcome.Started), T0.AddSeconds(30));
        ledger.Record(Heal(HealOutcome.Succeeded), T0.AddSeconds(40));

        var (counts, last) = ledger.Snapshot();
        Assert.Equal(new HealTally(3, 1, 1, 1, 0), counts);
        Assert.Equal("SUCCEEDED", last!.Outcome);
        Assert.Equal(T0.AddSeconds(40), last.At);

        var batch = new SampleBatch();
        ledger.AddTo(batch, T0.AddSeconds(100));
        double Value(string name) => batch.Readings.Single(r => r.Name == name).Last;
        Assert.Equal(3, Value("agent.heal_runs_total"));
        Assert.Equal(1, Value("agent.heal_succeeded_total"));
        Assert.Equal(2, Value("agent.heal_failed_total"));
        Assert.Equal(0, Value("agent.heal_exhausted_total"));
        Assert.Equal(60, Value("agent.last_heal_age_seconds"));
    }

    private static HealEvent Heal(HealOutcome outcome) =>
        new() { Component = "service", Check = "process_running:web", Action = "restart-unit web.service", Outcome = outcome };
}

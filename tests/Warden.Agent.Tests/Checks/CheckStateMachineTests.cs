using Warden.Agent.Checks;

namespace Warden.Agent.Tests.Checks;

public class CheckStateMachineTests
{
    [Fact]
    public void Three_consecutive_failures_make_a_hard_state()
    {
        var machine = new CheckStateMachine(3);
        Assert.Equal(new CheckTransitionRecord(CheckStatus.Ok, CheckStatus.Crit, false, 1, 3), machine.Observe(CheckStatus.Crit));
        Assert.Null(machine.Observe(CheckStatus.Crit)); // attempt 2: still SOFT CRIT, nothing new to report
        Assert.Equal(2, machine.Attempt);
        Assert.Equal(new CheckTransitionRecord(CheckStatus.Crit, CheckStatus.Crit, true, 3, 3), machine.Observe(CheckStatus.Crit));
        Assert.True(machine.IsHard);
        Assert.Null(machine.Observe(CheckStatus.Crit));
        Assert.Equal(3, machine.Attempt);
    }

    [Fact]
    public void Warn_and_crit_both_count_and_a_change_between_them_is_reported()
    {
        var machine = new CheckStateMachine(3);
        machine.Observe(CheckStatus.Warn);
        var change = machine.Observe(CheckStatus.Crit);
        Assert.Equal((CheckStatus.Warn, CheckStatus.Crit, 2), (change!.Value.From, change.Value.To, change.Value.Attempt));
    }

    [Fact]
    public void An_ok_result_resets_the_count_and_reports_the_recovery_from_hard()
    {
        var machine = new CheckStateMachine(2);
        machine.Observe(CheckStatus.Crit);
        machine.Observe(CheckStatus.Crit);
        var recovery = machine.Observe(CheckStatus.Ok);
        Assert.Equal(new CheckTransitionRecord(CheckStatus.Crit, CheckStatus.Ok, true, 0, 2), recovery);
        Assert.False(machine.IsHard);
        Assert.Equal(new CheckTransitionRecord(CheckStatus.Ok, CheckStatus.Crit, false, 1, 2), machine.Observe(CheckStatus.Crit));
    }

    [Fact]
    public void Unknown_neither_counts_as_failure_nor_resets_the_count()
    {
        var machine = new CheckStateMachine(3);
        machine.Observe(CheckStatus.Crit);
        machine.Observe(CheckStatus.Crit);
        Assert.NotNull(machine.Observe(CheckStatus.Unknown)); // the state changed to "no data"
        Assert.Equal(2, machine.Attempt);
        Assert.False(machine.IsHard);
        var third = machine.Observe(CheckStatus.Crit);
        Assert.True(third!.Value.Hard);
        Assert.Equal(3, third.Value.Attempt);
    }

    [Fact]
    public void Ok_to_ok_is_not_a_transition()
    {
        var machine = new CheckStateMachine(3);
        Assert.Null(machine.Observe(CheckStatus.Ok));
    }

    [Fact]
    public void A_pending_check_reports_nothing_until_its_first_failure()
    {
        var machine = new CheckStateMachine(3);
        Assert.Null(machine.Observe(CheckStatus.Unknown)); // a rate's first read: no data yet
        Assert.True(machine.IsPending);
        Assert.Null(machine.Observe(CheckStatus.Ok));
        Assert.False(machine.IsPending);
        Assert.NotNull(machine.Observe(CheckStatus.Unknown)); // known OK, then no data: that is news
        Assert.NotNull(machine.Observe(CheckStatus.Ok));
    }

    [Fact]
    public void A_check_failing_from_its_first_result_reports_it()
    {
        var machine = new CheckStateMachine(3);
        Assert.Null(machine.Observe(CheckStatus.Unknown));
        Assert.Equal(new CheckTransitionRecord(CheckStatus.Unknown, CheckStatus.Crit, false, 1, 3), machine.Observe(CheckStatus.Crit));
    }
}

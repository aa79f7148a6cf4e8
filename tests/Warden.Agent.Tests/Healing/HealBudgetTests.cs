using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Healing;

namespace Warden.Agent.Tests.Healing;

public sealed class HealBudgetTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
    private readonly HealBudget _budget = new(3, TimeSpan.FromMinutes(30));

    [Fact]
    public void Three_runs_within_thirty_minutes_spend_it_and_exhaustion_is_marked_once()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True(_budget.Allow(_time.GetUtcNow()));
            _budget.Record(_time.GetUtcNow());
            _time.Advance(TimeSpan.FromMinutes(5));
        }
        Assert.Equal(3, _budget.RunsInWindow(_time.GetUtcNow()));
        Assert.False(_budget.Allow(_time.GetUtcNow()));
        Assert.True(_budget.MarkExhausted());
        Assert.False(_budget.MarkExhausted());
    }

    [Fact]
    public void Runs_leave_the_sliding_window_after_thirty_minutes()
    {
        _budget.Record(_time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(20));
        _budget.Record(_time.GetUtcNow());
        _budget.Record(_time.GetUtcNow());
        Assert.False(_budget.Allow(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(3, _budget.RunsInWindow(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, _budget.RunsInWindow(_time.GetUtcNow()));
        Assert.True(_budget.Allow(_time.GetUtcNow()));
    }

    [Fact]
    public void Exhaustion_outlives_the_window_and_resets_only_after_OK_for_a_full_window()
    {
        Spend();
        _time.Advance(TimeSpan.FromHours(2));
        Assert.False(_budget.Allow(_time.GetUtcNow())); // old runs left the window, yet it stays spent

        Assert.False(_budget.Observe(CheckStatus.Ok, _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.False(_budget.Observe(CheckStatus.Unknown, _time.GetUtcNow())); // no data neither ends nor resets
        Assert.False(_budget.Observe(CheckStatus.Ok, _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(_budget.Observe(CheckStatus.Ok, _time.GetUtcNow()));
        Assert.False(_budget.IsExhausted);
        Assert.True(_budget.Allow(_time.GetUtcNow()));
    }

    [Fact]
    public void A_failure_within_the_OK_stretch_starts_it_again()
    {
        Spend();
        _budget.Observe(CheckStatus.Ok, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(20));
        _budget.Observe(CheckStatus.Crit, _time.GetUtcNow());
        _budget.Observe(CheckStatus.Ok, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(20));
        Assert.False(_budget.Observe(CheckStatus.Ok, _time.GetUtcNow()));
        Assert.True(_budget.IsExhausted);
        _budget.Reset(); // an operator's reset
        Assert.True(_budget.Allow(_time.GetUtcNow()));
    }

    private void Spend()
    {
        for (var i = 0; i < 3; i++)
        {
            _budget.Record(_time.GetUtcNow());
        }
        Assert.False(_budget.Allow(_time.GetUtcNow()));
        _budget.MarkExhausted();
    }
}

using Warden.Agent.Checks;

namespace Warden.Agent.Tests.Checks;

public class HealthScoreTests
{
    [Fact]
    public void All_ok_is_healthy()
    {
        Assert.Equal(100, HealthScore.Of([CheckStatus.Ok, CheckStatus.Ok]));
    }

    [Fact]
    public void Warnings_degrade_but_never_make_a_component_unhealthy()
    {
        Assert.Equal(90, HealthScore.Of([CheckStatus.Warn, CheckStatus.Ok]));
        Assert.Equal(80, HealthScore.Of(Enumerable.Repeat(CheckStatus.Warn, 5)));
    }

    [Fact]
    public void A_critical_check_makes_a_component_unhealthy()
    {
        Assert.Equal(60, HealthScore.Of([CheckStatus.Crit, CheckStatus.Ok]));
        Assert.Equal(50, HealthScore.Of([CheckStatus.Crit, CheckStatus.Warn]));
        Assert.Equal(0, HealthScore.Of([CheckStatus.Crit, CheckStatus.Crit, CheckStatus.Crit]));
    }

    [Fact]
    public void Unknown_is_neither_failure_nor_recovery()
    {
        Assert.Null(HealthScore.Of([CheckStatus.Unknown]));
        Assert.Equal(100, HealthScore.Of([CheckStatus.Unknown, CheckStatus.Ok]));
        Assert.Equal(60, HealthScore.Of([CheckStatus.Unknown, CheckStatus.Crit]));
    }

    [Fact]
    public void The_host_score_averages_scored_components_and_names_the_worst()
    {
        var health = HealthScore.Of(
        [
            Outcome(Component.System, CheckStatus.Ok),
            Outcome(Component.Storage, CheckStatus.Crit),
            Outcome(Component.Network, CheckStatus.Warn),
            Outcome(Component.Security, CheckStatus.Unknown),
        ]);
        Assert.Equal((100 + 60 + 90) / 3.0, health.Score);
        Assert.Equal(Component.Storage, health.Worst);
        Assert.False(health.Components.ContainsKey(Component.Security));
        // An average hides one bad component; that is why the worst is always shown beside it.
        Assert.Equal("degraded", HostHealth.Band(health.Score!.Value));
        Assert.Equal("unhealthy", HostHealth.Band(health.Components[Component.Storage]));
    }

    [Fact]
    public void No_data_at_all_is_no_score()
    {
        var health = HealthScore.Of([Outcome(Component.System, CheckStatus.Unknown)]);
        Assert.Null(health.Score);
        Assert.Null(health.Worst);
    }

    private static CheckOutcome Outcome(Component component, CheckStatus status) =>
        new("c" + component, "", component, new CheckResult(status, 1, "", "test"));
}

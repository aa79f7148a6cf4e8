using Warden.Proto.V1;
using Warden.Tui.Formatting;
using Warden.Tui.Tests.Fixtures;

namespace Warden.Tui.Tests.Formatting;

public sealed class HostScoresTests
{
    [Fact]
    public void Reads_the_host_and_component_scores_from_the_latest_readings()
    {
        HostScores scores = HostScores.From(Hosts.Scored("h", 85, [100, 60, null, 90, 100, 100]));

        Assert.Equal(85, scores.Host);
        Assert.Equal([100, 60, null, 90, 100, 100], scores.Components);
        Assert.Equal(1, scores.WorstIndex());
    }

    [Fact]
    public void A_reading_with_no_samples_or_a_subject_is_not_the_score()
    {
        HostSummary host = Hosts.Scored("h", null, [null, null, null, null, null, null]);
        host.Latest.Add(Hosts.Reading("score.host", 10, count: 0));
        host.Latest.Add(Hosts.Reading("score.storage", 10, subject: "/var"));

        HostScores scores = HostScores.From(host);

        Assert.Null(scores.Host);
        Assert.Null(scores.WorstIndex());
    }

    [Fact]
    public void A_tie_points_at_the_first_component_in_display_order()
    {
        Assert.Equal(2, HostScores.From(Hosts.Scored("h", 70, [100, 100, 40, 100, 40, 100])).WorstIndex());
    }

    [Fact]
    public void Fleet_row_names_the_worst_component_only_when_it_is_not_healthy()
    {
        FleetRow healthy = FleetRow.From(Hosts.Scored("h", 100, [100, 100, 100, 100, 100, 100]), Hosts.ServerTime);
        FleetRow sick = FleetRow.From(Hosts.Scored("h", 90, [100, 100, 100, 100, 100, 79]), Hosts.ServerTime);

        Assert.Equal("-", healthy.Worst);
        Assert.Equal("security", sick.Worst);
        Assert.Equal("90 degraded", sick.Health);
    }
}

using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>One host as the fleet view sorts, filters and shows it; ages against <c>now</c> (server time).</summary>
internal sealed record FleetRow(string Host, HostScores Scores, TimeSpan? LastSeenAge, bool Connected, HostReadings Readings, string AgentVersion)
{
    public static FleetRow From(HostSummary host, DateTimeOffset now) => new(
        host.Host,
        HostScores.From(host),
        AgeOf(host, now),
        host.Connected,
        HostReadings.From(host),
        host.AgentVersion);

    /// <summary>How long before <paramref name="now"/> the aggregator last heard from the host; null when never.</summary>
    public static TimeSpan? AgeOf(HostSummary host, DateTimeOffset now) => host.LastSeen is null ? null : now - host.LastSeen.ToDateTimeOffset();

    public ScoreBand Band => ScoreBands.Of(Scores.Host);

    /// <summary>Score and band in one cell, "72 unhealthy", so the state reads without colour.</summary>
    public string Health => Scores.Host is null ? ScoreBands.Word(ScoreBand.NoData) : $"{ScoreBands.Cell(Scores.Host).TrimEnd('~', '!')} {ScoreBands.Word(Band)}";

    /// <summary>The lowest-scoring component; "-" when none has data or all are healthy (nothing to point at).</summary>
    public string Worst => Scores.WorstIndex() is int i && ScoreBands.Of(Scores.Components[i]) != ScoreBand.Healthy ? HealthComponents.Names[i] : HostRow.Missing;

    public string LastSeen => LastSeenAge is TimeSpan age ? AgeFormat.Format(age) : HostRow.Missing;

    /// <summary>"connected" while the agent holds a stream open; "stale" otherwise (what is shown may be old).</summary>
    public string Agent => Connected ? "connected" : "stale";
}

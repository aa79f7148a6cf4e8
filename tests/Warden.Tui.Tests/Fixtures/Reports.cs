using Google.Protobuf.WellKnownTypes;
using Warden.Proto.V1;

namespace Warden.Tui.Tests.Fixtures;

/// <summary>A known resilience report over the 30 days to <see cref="End"/>, and an empty one.</summary>
internal static class Reports
{
    public static readonly DateTime End = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    public static ResilienceReport Known()
    {
        var r = Empty();
        r.Fleet = Line("fleet", 5_184_000, 21_600, 4);
        r.Hosts.Add([Line("web-01", 2_592_000, 21_600, 3), Line("web-02", 2_592_000, 0, 0)]);
        r.Components.Add(Line("disk", 2_592_000, 21_600, 4));
        r.MtbfSeconds = 1_290_600;
        r.MttrSeconds = 5_400;
        r.ResolvedEpisodes = 4;
        r.IncidentsOpened = 5;
        r.BySeverity.Add([Count("P0", 1), Count("P1", 1), Count("P2", 2), Count("P3", 1)]);
        r.ByCause.Add([Count("disk|full", 2), Count("unit-failed", 2), Count("mem-high", 1)]);
        (r.ResolvedAutomatically, r.ResolvedAfterHeal, r.ResolvedByHand) = (3, 1, 1);
        (r.HealsSucceeded, r.HealsFailed) = (9, 1);
        return r;
    }

    public static ResilienceReport Empty() => new()
    {
        PeriodStart = Timestamp.FromDateTime(End.AddDays(-30)),
        PeriodEnd = Timestamp.FromDateTime(End),
        Fleet = Line("fleet", 0, 0, 0),
    };

    private static AvailabilityLine Line(string subject, double observed, double down, uint failures) => new()
    {
        Subject = subject, ObservedSeconds = observed, DownSeconds = down, Failures = failures,
        Availability = observed > 0 ? 1 - (down / observed) : 1,
    };

    private static CountLine Count(string key, uint count) => new() { Key = key, Count = count };
}

using System.Globalization;
using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>The derived figures every report format prints, computed once, and how they are written.</summary>
internal static class ReportFigures
{
    private static readonly string[] Severities = ["P0", "P1", "P2", "P3", "P4"];

    public static uint HealsJudged(ResilienceReport r) => r.HealsSucceeded + r.HealsFailed + r.HealsTimedOut + r.HealsExhausted;

    /// <summary>Succeeded over judged heals; null without any.</summary>
    public static double? HealSuccessRate(ResilienceReport r) => Share(r.HealsSucceeded, HealsJudged(r));

    public static uint Resolved(ResilienceReport r) => r.ResolvedAutomatically + r.ResolvedByHand;

    /// <summary>Resolved by the engine over all resolved; null when none was.</summary>
    public static double? AutomaticShare(ResilienceReport r) => Share(r.ResolvedAutomatically, Resolved(r));

    public static double? Mtbf(ResilienceReport r) => r.HasMtbfSeconds ? r.MtbfSeconds : null;

    public static double? Mttr(ResilienceReport r) => r.HasMttrSeconds ? r.MttrSeconds : null;

    /// <summary>Every severity, P0 to P4, with 0 where none was opened.</summary>
    public static IReadOnlyList<(string Severity, uint Count)> BySeverity(ResilienceReport r) =>
        Severities.Select(s => (s, r.BySeverity.FirstOrDefault(l => l.Key == s)?.Count ?? 0)).ToList();

    public static TimeSpan Period(ResilienceReport r) => r.PeriodEnd.ToDateTime() - r.PeriodStart.ToDateTime();

    /// <summary>"99.931 %"; availability gets three decimals so that minutes in a month still show.</summary>
    public static string Percent(double? share, int decimals = 1) =>
        share is double s ? (s * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " %" : "-";

    /// <summary>The two largest units: "3d 4h", "2h 5m", "5m 12s", "40s"; "-" for none.</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not double value)
        {
            return "-";
        }

        var span = TimeSpan.FromSeconds(Math.Round(value));
        return span switch
        {
            { TotalDays: >= 1 } => $"{(int)span.TotalDays}d {span.Hours}h",
            { TotalHours: >= 1 } => $"{span.Hours}h {span.Minutes}m",
            { TotalMinutes: >= 1 } => $"{span.Minutes}m {span.Seconds}s",
            _ => $"{span.Seconds}s",
        };
    }

    public static string Time(Google.Protobuf.WellKnownTypes.Timestamp at) =>
        at.ToDateTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The headline rows, shared by the table and Markdown: (figure, value, note).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Summary(ResilienceReport r) =>
    [
        ["Fleet availability", Percent(r.Fleet.Availability, 3), $"down {Duration(r.Fleet.DownSeconds)} of {Duration(r.Fleet.ObservedSeconds)} host time"],
        ["MTBF", Duration(Mtbf(r)), $"{r.Fleet.Failures} host failures (P0-P2)"],
        ["MTTR", Duration(Mttr(r)), $"{r.ResolvedEpisodes} outages resolved (detected -> resolved)"],
        ["Incidents opened", r.IncidentsOpened.ToString(CultureInfo.InvariantCulture),
            string.Join(", ", BySeverity(r).Select(s => $"{s.Severity} {s.Count}"))],
        ["Resolved automatically", Percent(AutomaticShare(r)),
            $"{r.ResolvedAutomatically} of {Resolved(r)} ({r.ResolvedAfterHeal} after a heal), {r.ResolvedByHand} by hand"],
        ["Heal success", Percent(HealSuccessRate(r)),
            $"{r.HealsSucceeded} of {HealsJudged(r)}; failed {r.HealsFailed}, timed out {r.HealsTimedOut}, exhausted {r.HealsExhausted}"],
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Availability(IEnumerable<AvailabilityLine> lines) =>
        lines.Select(l => (IReadOnlyList<string>)
            [l.Subject, Percent(l.Availability, 3), Duration(l.DownSeconds), l.Failures.ToString(CultureInfo.InvariantCulture)]).ToList();

    public static IReadOnlyList<IReadOnlyList<string>> Causes(ResilienceReport r) =>
        r.ByCause.Select(c => (IReadOnlyList<string>)[c.Key, c.Count.ToString(CultureInfo.InvariantCulture)]).ToList();

    private static double? Share(uint part, uint whole) => whole == 0 ? null : (double)part / whole;
}

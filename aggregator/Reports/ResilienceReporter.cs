using Google.Protobuf.WellKnownTypes;
using Warden.Aggregator.Incidents;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;
using IncidentState = Warden.Aggregator.Incidents.IncidentState;
using Severity = Warden.Aggregator.Incidents.Severity;

namespace Warden.Aggregator.Reports;

/// <summary>
/// The resilience report (README.md, "Report") over [now - since, now], from stored incidents,
/// stored heal events and the host registry. Nothing is sampled or estimated: every figure is a sum
/// over stored records.
/// </summary>
public sealed class ResilienceReporter(IIncidentStore incidents, ISiteStore site, TimeProvider time)
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    public static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(366);

    public ResilienceReport Build(TimeSpan since)
    {
        if (since <= TimeSpan.Zero || since > LongestPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(since), since, $"the period must be above 0 and at most {LongestPeriod.TotalDays:0} days");
        }

        var end = time.GetUtcNow().UtcDateTime;
        var start = end - since;
        var all = incidents.Recent(start).Where(i => i.OpenedAt < end).ToList();
        var counted = all.Where(i => i.MergedInto is null).ToList();
        var hosts = site.Hosts();
        // Heals count from the period start, and before it only within an episode that a resolve in the period closes.
        var heals = HealRecord.Load(site, hosts.Select(h => h.Id), ResolvedInPeriod(counted, start).Select(i => IncidentEpisodes.Of(i)[^1].Start).Append(start).Min());

        var report = new ResilienceReport
        {
            PeriodStart = Timestamp.FromDateTime(start),
            PeriodEnd = Timestamp.FromDateTime(end),
        };
        var availability = new AvailabilityBook(start, end, hosts, site.Checks());
        availability.AddAll(all);
        availability.WriteTo(report);
        AddRepairTimes(report, counted, start, end);
        AddCounts(report, counted, start);
        AddResolutions(report, counted, heals, start);
        AddHealOutcomes(report, heals, start, end);
        return report;
    }

    /// <summary>P0–P2 outages: they are what availability, MTBF and MTTR measure.</summary>
    public static bool IsOutage(Incident incident) => incident.Severity <= Severity.P2;

    private static void AddRepairTimes(ResilienceReport report, List<Incident> counted, DateTime start, DateTime end)
    {
        var repairs = counted.Where(IsOutage)
            .SelectMany(IncidentEpisodes.Of)
            .Where(e => e.End is { } done && done >= start && done <= end)
            .Select(e => (e.End!.Value - e.Start).TotalSeconds)
            .ToList();
        report.ResolvedEpisodes = (uint)repairs.Count;
        if (repairs.Count > 0)
        {
            report.MttrSeconds = repairs.Average();
        }

        if (report.Fleet.Failures > 0)
        {
            report.MtbfSeconds = (report.Fleet.ObservedSeconds - report.Fleet.DownSeconds) / report.Fleet.Failures;
        }
    }

    private static void AddCounts(ResilienceReport report, List<Incident> counted, DateTime start)
    {
        var opened = counted.Where(i => i.OpenedAt >= start).ToList();
        report.IncidentsOpened = (uint)opened.Count;
        report.BySeverity.Add(opened.GroupBy(i => i.Severity).OrderBy(g => g.Key)
            .Select(g => new CountLine { Key = g.Key.ToString(), Count = (uint)g.Count() }));
        report.ByCause.Add(opened.GroupBy(i => i.Rule, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CountLine { Key = g.Key, Count = (uint)g.Count() }));
    }

    private static void AddResolutions(ResilienceReport report, List<Incident> counted, IReadOnlyList<HealRecord> heals, DateTime start)
    {
        // Successes by (host, check), so each incident looks only at its own checks' heals.
        var succeeded = heals.Where(h => h.Outcome == HealOutcome.Succeeded).ToLookup(h => (h.Host, h.Check));
        foreach (var incident in ResolvedInPeriod(counted, start))
        {
            if (incident.ResolvedBy != IncidentBook.Engine)
            {
                report.ResolvedByHand++;
                continue;
            }

            report.ResolvedAutomatically++;
            if (HealedBeforeResolve(incident, succeeded))
            {
                report.ResolvedAfterHeal++;
            }
        }
    }

    private static IEnumerable<Incident> ResolvedInPeriod(List<Incident> counted, DateTime start) =>
        counted.Where(i => i.State == IncidentState.Resolved && i.ResolvedAt >= start);

    /// <summary>A SUCCEEDED heal of one of the incident's checks during its last episode.</summary>
    private static bool HealedBeforeResolve(Incident incident, ILookup<(string Host, string Check), HealRecord> succeeded)
    {
        var last = IncidentEpisodes.Of(incident)[^1];
        var resolved = last.End ?? incident.ResolvedAt ?? DateTime.MaxValue;
        return incident.Children.Exists(c => succeeded[(c.Host, c.Check)].Any(h => h.At >= last.Start && h.At <= resolved));
    }

    private static void AddHealOutcomes(ResilienceReport report, IReadOnlyList<HealRecord> heals, DateTime start, DateTime end)
    {
        foreach (var heal in heals.Where(h => h.At >= start && h.At <= end))
        {
            switch (heal.Outcome)
            {
                case HealOutcome.Succeeded: report.HealsSucceeded++; break;
                case HealOutcome.Failed: report.HealsFailed++; break;
                case HealOutcome.TimedOut: report.HealsTimedOut++; break;
                default: report.HealsExhausted++; break;
            }
        }
    }
}

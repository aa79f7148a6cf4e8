using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Time.Testing;
using Warden.Aggregator.Incidents;
using Warden.Aggregator.Reports;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;
using IncidentState = Warden.Aggregator.Incidents.IncidentState;
using IncidentChild = Warden.Aggregator.Incidents.IncidentChild;
using Severity = Warden.Aggregator.Incidents.Severity;

namespace Warden.Aggregator.Tests.Reports;

/// <summary>
/// The report over a known ten-day history on a real LiteDB file, with fake time. Every expected
/// figure is worked out by hand in the comments from the history below.
/// </summary>
public sealed class ResilienceReporterTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Period = TimeSpan.FromDays(10);
    private readonly ScratchDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(T0 + Period));
    private readonly LiteDbSiteStore _site;
    private readonly LiteDbIncidentStore _store;
    private ulong _sequence;
    private bool _receivedAsTheyHappened;

    public ResilienceReporterTests()
    {
        _site = new LiteDbSiteStore(_dir.File("warden.db"));
        _store = new LiteDbIncidentStore(_site);
    }

    [Fact]
    public void Availability_counts_overlaps_once_clips_to_the_period_and_observes_hosts_from_first_seen()
    {
        var report = Build();

        // web-01 observed 10 d: down 1 h (#6, clipped at the start) + 3 h (#1 and merged #5 overlapping) + 2 h (#2's two episodes).
        var web01 = report.Hosts.Single(h => h.Subject == "web-01");
        Assert.Equal((864_000d, 21_600d, 0.975, 3u), (web01.ObservedSeconds, web01.DownSeconds, web01.Availability, web01.Failures));
        // web-02 first seen on day 5, observed 5 d: down the last day (#4 still open); its P3 is not an outage.
        var web02 = report.Hosts.Single(h => h.Subject == "web-02");
        Assert.Equal((432_000d, 86_400d, 0.8, 1u), (web02.ObservedSeconds, web02.DownSeconds, web02.Availability, web02.Failures));
        Assert.Equal((1_296_000d, 108_000d, 4u), (report.Fleet.ObservedSeconds, report.Fleet.DownSeconds, report.Fleet.Failures));
        Assert.Equal(1 - (108_000d / 1_296_000d), report.Fleet.Availability, 12);

        Assert.Equal(["disk", "service"], report.Components.Select(c => c.Subject));
        var disk = report.Components[0];
        Assert.Equal((14_400d, 1u), (disk.DownSeconds, disk.Failures));
        var service = report.Components[1];
        Assert.Equal((93_600d, 3u, 864_000d), (service.DownSeconds, service.Failures, service.ObservedSeconds));
    }

    [Fact]
    public void Mtbf_and_mttr_are_exact()
    {
        var report = Build();

        // MTTR: outage episodes ending in the period: #6 2 h (detected before the period), #1 2 h, #2 1 h and 1 h.
        Assert.Equal((5_400d, 4u), (report.MttrSeconds, report.ResolvedEpisodes));
        // MTBF: (1,296,000 - 108,000) host-seconds up / 4 host failures.
        Assert.Equal(297_000d, report.MtbfSeconds);
    }

    [Fact]
    public void Incidents_are_counted_by_severity_and_cause_and_by_how_they_were_resolved()
    {
        var report = Build();

        Assert.Equal(4u, report.IncidentsOpened);
        Assert.Equal([("P0", 1u), ("P1", 1u), ("P2", 1u), ("P3", 1u)], report.BySeverity.Select(l => (l.Key, l.Count)));
        Assert.Equal([("unit-failed", 2u), ("disk-critical", 1u), ("mem-high", 1u)], report.ByCause.Select(l => (l.Key, l.Count)));
        // #1 (after a heal), #3 and #6 by the engine; #2 by alice; merged #5 not counted.
        Assert.Equal((3u, 1u, 1u), (report.ResolvedAutomatically, report.ResolvedAfterHeal, report.ResolvedByHand));
    }

    [Fact]
    public void Heal_outcomes_come_from_stored_events_of_the_period()
    {
        var report = Build();

        // STARTED is not an outcome; the success two days before the period is outside it.
        Assert.Equal((1u, 1u, 1u, 1u), (report.HealsSucceeded, report.HealsFailed, report.HealsTimedOut, report.HealsExhausted));
    }

    [Fact]
    public void Reading_only_the_batches_the_period_needs_gives_the_figures_of_reading_the_whole_history()
    {
        // Here every batch arrives at the end, so all of them are read; there each arrives as it happened
        // (the success two days before the period, too old to matter, is then never read).
        var whole = Build();
        using var asTheyHappened = new ResilienceReporterTests { _receivedAsTheyHappened = true };

        Assert.Equal(whole, asTheyHappened.Build());
    }

    [Fact]
    public void A_heal_before_the_period_counts_for_an_incident_whose_episode_the_period_closes()
    {
        _receivedAsTheyHappened = true;
        _site.RecordHello(new Hello { Host = "web-01", AgentVersion = "0.1.0" }, new DateTimeOffset(T0.AddDays(-20)));
        _store.Save([Outage("web-01", "disk", "disk-critical", Severity.P1, T0.AddDays(-1), ("resolved", "warden", T0.AddHours(1)))], []);
        Heals("web-01", (T0.AddDays(-3), HealOutcome.Failed, "disk_space:/var"));
        Heals("web-01", (T0.AddHours(-12), HealOutcome.Succeeded, "disk_space:/var"));

        var report = new ResilienceReporter(_store, _site, _time).Build(Period);

        Assert.Equal((1u, 1u), (report.ResolvedAutomatically, report.ResolvedAfterHeal));
        Assert.Equal((0u, 0u), (report.HealsSucceeded, report.HealsFailed)); // both before the period
    }

    [Fact]
    public void An_empty_history_reports_full_availability_and_no_mtbf_or_mttr()
    {
        _site.RecordHello(new Hello { Host = "web-01", AgentVersion = "0.1.0" }, new DateTimeOffset(T0.AddDays(-1)));

        var report = new ResilienceReporter(_store, _site, _time).Build(Period);

        Assert.Equal((1d, 0u), (report.Fleet.Availability, report.IncidentsOpened));
        Assert.False(report.HasMtbfSeconds);
        Assert.False(report.HasMttrSeconds);
        Assert.Equal(T0, report.PeriodStart.ToDateTime());
    }

    [Fact]
    public void A_period_that_is_not_positive_or_too_long_is_refused()
    {
        var reporter = new ResilienceReporter(_store, _site, _time);
        Assert.Throws<ArgumentOutOfRangeException>(() => reporter.Build(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => reporter.Build(TimeSpan.FromDays(367)));
    }

    private ResilienceReport Build()
    {
        _site.RecordHello(new Hello { Host = "web-01", AgentVersion = "0.1.0" }, new DateTimeOffset(T0.AddDays(-20)));
        _site.RecordHello(new Hello { Host = "web-02", AgentVersion = "0.1.0" }, new DateTimeOffset(T0.AddDays(5)));
        _store.Save(
        [
            // #0 resolved before the period: not in it at all.
            Outage("web-01", "disk", "disk-critical", Severity.P1, T0.AddDays(-1), ("resolved", "warden", T0.AddDays(-1).AddHours(1))),
            // #6 detected an hour before the period, resolved by the engine an hour into it.
            Outage("web-01", "disk", "disk-critical", Severity.P2, T0.AddHours(-1), ("resolved", "warden", T0.AddHours(1))),
            // #1 day 1, 2 h, resolved by the engine after a successful heal.
            Outage("web-01", "disk", "disk-critical", Severity.P1, T0.AddDays(1), ("resolved", "warden", T0.AddDays(1).AddHours(2))),
            // #2 day 2: 1 h, resolved by the engine, reopened 2 h later, resolved by alice an hour after.
            Outage("web-01", "service", "unit-failed", Severity.P2, T0.AddDays(2),
                ("resolved", "warden", T0.AddDays(2).AddHours(1)), ("reopened", "warden", T0.AddDays(2).AddHours(3)), ("resolved", "alice", T0.AddDays(2).AddHours(4))),
            // #3 a P3 on web-02: counted, resolved by the engine, but no downtime.
            Outage("web-02", "memory", "mem-high", Severity.P3, T0.AddDays(6), ("resolved", "warden", T0.AddDays(6).AddHours(1))),
            // #4 a P0 on web-02 still open at the end.
            Outage("web-02", "service", "unit-failed", Severity.P0, T0.AddDays(9)),
        ], []);
        // #5 merged into #1 after 2.5 h: downtime, but neither a failure nor a resolve of its own.
        var merged = Outage("web-01", "disk", "disk-full", Severity.P2, T0.AddDays(1).AddMinutes(30), ("merged", "warden", T0.AddDays(1).AddHours(3)));
        merged.MergedInto = 1;
        _store.Save([merged], []);

        Heals("web-01", (T0.AddDays(-2), HealOutcome.Succeeded, "disk_space:/var"));
        Heals("web-01",
            (T0.AddDays(1).AddMinutes(59), HealOutcome.Started, "disk_space:/var"),
            (T0.AddDays(1).AddHours(1), HealOutcome.Succeeded, "disk_space:/var"),
            (T0.AddDays(2).AddHours(1), HealOutcome.Failed, "systemd_unit:nginx"),
            (T0.AddDays(2).AddHours(2), HealOutcome.TimedOut, "systemd_unit:nginx"));
        Heals("web-02", (T0.AddDays(9).AddHours(1), HealOutcome.Exhausted, "systemd_unit:nginx"));
        return new ResilienceReporter(_store, _site, _time).Build(Period);
    }

    private static Incident Outage(string host, string component, string rule, Severity severity, DateTime opened, params (string Kind, string Actor, DateTime At)[] timeline)
    {
        var check = component == "disk" ? "disk_space:/var" : component == "service" ? "systemd_unit:nginx" : "memory";
        var incident = new Incident
        {
            Fingerprint = $"{rule}|{host}|{opened:O}", Title = rule, Severity = severity, Rule = rule, Component = component, Check = check,
            OpenedAt = opened, EpisodeStart = opened,
            Children = [new IncidentChild { Host = host, Component = component, Check = check, Since = opened }],
        };
        incident.Note(opened, "detected", host, "failing");
        foreach (var (kind, actor, at) in timeline)
        {
            incident.Note(at, kind, actor, kind);
            incident.State = kind == "reopened" ? IncidentState.Open : IncidentState.Resolved;
            incident.ResolvedAt = kind == "reopened" ? null : at;
            incident.ResolvedBy = kind == "reopened" ? null : actor;
        }

        return incident;
    }

    private void Heals(string host, params (DateTime At, HealOutcome Outcome, string Check)[] heals)
    {
        var batch = new EventBatch { Sequence = ++_sequence };
        batch.Events.Add(heals.Select(h => new Event
        {
            At = Timestamp.FromDateTime(h.At),
            Heal = new HealEvent { Component = "x", Check = h.Check, Action = "restart-unit nginx.service", Outcome = h.Outcome },
        }));
        var received = _receivedAsTheyHappened ? new DateTimeOffset(heals.Max(h => h.At)) : _time.GetUtcNow();
        Assert.Equal(StoreOutcome.Stored, _site.StoreEvents(host, batch, received));
    }

    public void Dispose()
    {
        _site.Dispose();
        _dir.Dispose();
    }
}

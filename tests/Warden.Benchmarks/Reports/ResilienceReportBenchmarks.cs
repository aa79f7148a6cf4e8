extern alias aggregator;

using aggregator::Warden.Aggregator.Incidents;
using aggregator::Warden.Aggregator.Reports;
using aggregator::Warden.Aggregator.Storage;
using aggregator::Warden.Proto.V1;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Google.Protobuf.WellKnownTypes;
using Incident = aggregator::Warden.Aggregator.Incidents.Incident;
using IncidentChild = aggregator::Warden.Aggregator.Incidents.IncidentChild;
using IncidentState = aggregator::Warden.Aggregator.Incidents.IncidentState;
using Severity = aggregator::Warden.Aggregator.Incidents.Severity;

namespace Warden.Benchmarks.Reports;

/// <summary>
/// The resilience report on a real LiteDB file holding <see cref="HistoryDays"/> of history from
/// <see cref="Hosts"/> hosts, as it was received: per host and day, a check failing and recovering
/// and a heal (two event batches), and every third day an outage incident resolved after a heal.
/// Report30Days (the baseline, `warden report`'s default) against a one-day report over the same
/// store: the report reads only the event batches its period needs, so its time follows the
/// period, not the length of the stored history (compare the 30- and 90-day rows).
/// </summary>
[Config(typeof(Config))]
[MedianColumn]
public class ResilienceReportBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5)
            .WithInvocationCount(1).WithUnrollFactor(1).WithToolchain(InProcessEmitToolchain.Instance));
    }

    public const int Hosts = 300;
    private readonly string _state = Path.Combine(Path.GetTempPath(), "warden-report-bench-" + Guid.NewGuid().ToString("N")[..8]);
    private LiteDbSiteStore _site = null!;
    private ResilienceReporter _reporter = null!;

    [Params(30, 90)]
    public int HistoryDays { get; set; }

    [GlobalSetup]
    public void Fill()
    {
        Directory.CreateDirectory(_state);
        _site = new LiteDbSiteStore(Path.Combine(_state, "warden.db"));
        var incidents = new LiteDbIncidentStore(_site);
        var now = DateTimeOffset.UtcNow;
        var start = now.AddDays(-HistoryDays);
        var records = new List<IngestRecord>();
        var outages = new List<Incident>();
        for (var host = 0; host < Hosts; host++)
        {
            var name = $"host-{host:D3}";
            records.Add(IngestRecord.Of(new Hello { Host = name, AgentVersion = "0.1.0" }, start));
            for (var day = 0; day < HistoryDays; day++)
            {
                var failed = start.AddDays(day).AddMinutes(host);
                records.Add(IngestRecord.Of(name, Batch((ulong)(2 * day) + 1, failed, Transition(CheckState.Crit)), failed));
                records.Add(IngestRecord.Of(name, Batch((ulong)(2 * day) + 2, failed.AddMinutes(5), Transition(CheckState.Ok), Heal()), failed.AddMinutes(5)));
                if (day % 3 == 0)
                {
                    outages.Add(Outage(name, failed.UtcDateTime));
                }
            }
        }
        // In time order, a few thousand records to a commit, as ingest stores them.
        foreach (var chunk in records.OrderBy(r => r.ReceivedAt).Chunk(2048))
        {
            _site.StoreBatch(chunk);
        }
        foreach (var chunk in outages.Chunk(500))
        {
            incidents.Save(chunk, []);
        }
        _reporter = new ResilienceReporter(incidents, _site, TimeProvider.System);
    }

    [Benchmark(Baseline = true)]
    public ResilienceReport Report30Days() => _reporter.Build(TimeSpan.FromDays(30));

    [Benchmark]
    public ResilienceReport Report1Day() => _reporter.Build(TimeSpan.FromDays(1));

    [GlobalCleanup]
    public void Remove()
    {
        _site.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private static EventBatch Batch(ulong sequence, DateTimeOffset at, params Event[] events)
    {
        var batch = new EventBatch { Sequence = sequence };
        foreach (var e in events)
        {
            e.At = Timestamp.FromDateTimeOffset(at);
            batch.Events.Add(e);
        }
        return batch;
    }

    private static Event Transition(CheckState to) => new()
    {
        CheckTransition = new CheckTransition
        {
            Component = "service", Check = "systemd_unit:web", FromState = to == CheckState.Ok ? CheckState.Crit : CheckState.Ok, ToState = to,
            StateType = StateType.Hard, Attempt = 3, MaxAttempts = 3, Reason = "web.service " + to,
        },
    };

    private static Event Heal() => new()
    {
        Heal = new HealEvent { Component = "service", Check = "systemd_unit:web", Action = "restart-unit web.service", Outcome = HealOutcome.Succeeded, RunsInWindow = 1, Budget = 3 },
    };

    private static Incident Outage(string host, DateTime opened)
    {
        var incident = new Incident
        {
            Fingerprint = $"host|{host}|systemd_unit:web", Title = $"systemd_unit:web failing on {host}", Severity = Severity.P2, State = IncidentState.Resolved,
            Rule = "unit-failed", Component = "service", Check = "systemd_unit:web", OpenedAt = opened, EpisodeStart = opened,
            ResolvedAt = opened.AddMinutes(10), ResolvedBy = IncidentBook.Engine,
            Children = [new IncidentChild { Host = host, Component = "service", Check = "systemd_unit:web", Since = opened.AddMinutes(5) }],
        };
        incident.Note(opened, "detected", host, "web.service failed");
        incident.Note(opened.AddMinutes(10), "resolved", IncidentBook.Engine, "OK since");
        return incident;
    }
}

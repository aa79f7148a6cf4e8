using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Incidents;
using Warden.Aggregator.Notifications;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Tests.Incidents;

/// <summary>
/// A real engine on a real LiteDB file with fake time, fed the way ingest feeds it (IFleetObserver)
/// with batches like an agent's. Time moves a second at a time, the engine settling after each.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly ScratchDirectory _dir;
    private readonly bool _ownsDir;
    private readonly Dictionary<string, ulong> _sequences = new(StringComparer.Ordinal);

    public EngineHarness(IncidentOptions? options = null, ScratchDirectory? dir = null, FakeTimeProvider? time = null, int fleetSize = 0)
    {
        _ownsDir = dir is null;
        _dir = dir ?? new ScratchDirectory();
        Options = options ?? new IncidentOptions();
        Time = time ?? new FakeTimeProvider(T0);
        Site = new LiteDbSiteStore(_dir.File("warden.db"));
        for (var i = 1; i <= fleetSize; i++)
        {
            Site.RecordHello(new Hello { Host = HostName(i), AgentVersion = "0.1.0" }, Time.GetUtcNow());
        }
        Store = new LiteDbIncidentStore(Site);
        Engine = new IncidentEngine(Store, Site, Options, [Notices], Time, NullLogger<IncidentEngine>.Instance);
        Engine.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public IncidentOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public LiteDbSiteStore Site { get; }

    public LiteDbIncidentStore Store { get; }

    public IncidentEngine Engine { get; }

    public RecordingDispatcher Notices { get; } = new();

    public ScratchDirectory Directory => _dir;

    public static string HostName(int i) => $"web-{i:D2}";

    public IReadOnlyList<Incident> Incidents() => Store.Query(new IncidentQuery()).OrderBy(i => i.Id).ToList();

    public Task Transition(string host, string component, string check, CheckState from, CheckState to, StateType type = StateType.Hard,
        double value = 0, string reason = "") =>
        Events(host, new Event
        {
            At = Timestamp.FromDateTimeOffset(Time.GetUtcNow()),
            CheckTransition = new CheckTransition
            {
                Component = component, Check = check, FromState = from, ToState = to, StateType = type,
                Attempt = type == StateType.Hard ? 3u : 1u, MaxAttempts = 3, Value = value, Threshold = "warn 85, crit 95",
                Reason = reason.Length > 0 ? reason : $"{check} {to}",
            },
        });

    public Task Heal(string host, string component, string check, HealOutcome outcome, uint runs = 3, uint budget = 3) =>
        Events(host, new Event
        {
            At = Timestamp.FromDateTimeOffset(Time.GetUtcNow()),
            Heal = new HealEvent { Component = component, Check = check, Action = "restart-unit nginx.service", Outcome = outcome, RunsInWindow = runs, Budget = budget, Rule = $"{check} HARD" },
        });

    public Task Events(string host, params Event[] events)
    {
        var batch = new EventBatch { Sequence = Next(host) };
        batch.Events.Add(events);
        Engine.EventsStored(host, batch, Time.GetUtcNow());
        return Engine.FlushAsync();
    }

    public Task Samples(string host, params Reading[] readings)
    {
        var now = Time.GetUtcNow();
        var batch = new SampleBatch { Sequence = Next(host), WindowStart = Timestamp.FromDateTimeOffset(now.AddSeconds(-10)), WindowEnd = Timestamp.FromDateTimeOffset(now) };
        batch.Readings.Add(readings);
        Engine.SamplesStored(host, batch, now);
        return Engine.FlushAsync();
    }

    public Task Liveness(string host, HostLiveness liveness)
    {
        Engine.LivenessChanged(host, liveness, Time.GetUtcNow());
        return Engine.FlushAsync();
    }

    /// <summary>Moves time a second at a time, letting the engine's tick run and settle after each.</summary>
    public async Task Advance(TimeSpan by)
    {
        for (var left = by; left > TimeSpan.Zero; left -= IncidentEngine.TickInterval)
        {
            Time.Advance(left < IncidentEngine.TickInterval ? left : IncidentEngine.TickInterval);
            await Engine.FlushAsync();
        }
    }

    private ulong Next(string host) => _sequences[host] = _sequences.GetValueOrDefault(host) + 1;

    public async ValueTask DisposeAsync()
    {
        await Engine.StopAsync(CancellationToken.None);
        Engine.Dispose();
        Site.Dispose();
        if (_ownsDir)
        {
            _dir.Dispose();
        }
    }
}

/// <summary>Keeps every notice the engine hands over, in order.</summary>
internal sealed class RecordingDispatcher : INotificationDispatcher
{
    private readonly List<IncidentNotice> _notices = [];

    public void Enqueue(IncidentNotice notice)
    {
        lock (_notices)
        {
            _notices.Add(notice);
        }
    }

    public IReadOnlyList<IncidentNotice> All
    {
        get
        {
            lock (_notices)
            {
                return _notices.ToList();
            }
        }
    }

    public IReadOnlyList<string> Lines => All.Select(n => $"{n.Kind} {n.Severity} {n.Title}").ToList();
}

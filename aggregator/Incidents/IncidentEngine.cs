using System.Collections.Concurrent;
using System.Threading.Channels;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Ingest;
using Warden.Aggregator.Notifications;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Incidents;

/// <summary>
/// Turns what ingest stored into incidents (DESIGN.md, "Incidents"). Ingest and operators only
/// queue work; one worker applies it in order, writes the changes durably, then hands notices to
/// the dispatcher and tells watchers. A timer drives durations, auto-resolve and escalation.
/// </summary>
public sealed partial class IncidentEngine : IFleetObserver, IHostedService, IDisposable
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);
    private const int MaxGroup = 256;

    private readonly IIncidentStore _store;
    private readonly IncidentOptions _options;
    private readonly RuleSet _rules;
    private readonly List<INotificationDispatcher> _dispatchers;
    private readonly TimeProvider _time;
    private readonly ILogger<IncidentEngine> _logger;
    private readonly Channel<Action> _queue = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<IncidentNotice> _notices = [];
    private readonly ConcurrentDictionary<string, bool> _heard = new(StringComparer.Ordinal);
    private long _samplesQueued;
    private readonly List<(Action Done, Action<Exception> Failed)> _afterCommit = [];
    private IncidentBook? _book;
    private List<Silence> _silences = [];
    private Task? _worker;
    private ITimer? _timer;

    /// <param name="recent">The aggregator's recent window, read for evidence; without it the engine keeps the last few batches itself.</param>
    public IncidentEngine(IIncidentStore store, ISiteStore site, IncidentOptions options, IEnumerable<INotificationDispatcher> dispatchers, TimeProvider time,
        ILogger<IncidentEngine> logger, IRecentReadings? recent = null)
    {
        _readings = new ReadingWindow(recent);
        _store = store;
        _options = options;
        _rules = RuleSet.From(options);
        _dispatchers = dispatchers.ToList();
        _time = time;
        _logger = logger;
        _fleet = new HostWindow(options.FleetWindow);
        _silentWindow = new HostWindow(options.PartitionWindow);
        _flaps = new FlapTracker(options.FlapWindow, options.FlapChanges);
        _partitionRule = new ClassificationRule("suspected-partition", DetectionKind.HostSilent, "*", "*", new HashSet<string>(), StateTypeMatch.Any,
            TimeSpan.Zero, options.PartitionMinHosts, options.PartitionMinShare,
            SeverityTable.TryParse(options.PartitionSeverity, out var severity) ? severity : Severity.P1);
        foreach (var host in site.Hosts())
        {
            _hosts.Add(host.Id);
        }
    }

    /// <summary>Sample batches handed to the worker since start.</summary>
    internal long SamplesQueued => Interlocked.Read(ref _samplesQueued);

    /// <summary>Told of every incident that changed, after the change is durable.</summary>
    public IncidentFeed Feed { get; } = new();

    private IncidentBook Book => _book ?? throw new InvalidOperationException("the incident engine has not been started");

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// With the recent window shared, a sample batch of a host the engine knows needs no work: its
    /// evidence is read from the window when an incident opens. Nothing is queued per sample then, so
    /// a worker busy with a storm never holds a backlog of every host's batches.
    /// </summary>
    public void SamplesStored(string host, SampleBatch batch, DateTimeOffset receivedAt)
    {
        if (_readings.IsShared && !_heard.TryAdd(host, true))
        {
            return;
        }
        Interlocked.Increment(ref _samplesQueued);
        Post(() => OnSamples(host, batch, receivedAt.UtcDateTime));
    }

    public void EventsStored(string host, EventBatch batch, DateTimeOffset receivedAt) =>
        Post(() => OnEvents(host, batch, receivedAt.UtcDateTime));

    public void LivenessChanged(string host, HostLiveness liveness, DateTimeOffset at) =>
        Post(() => OnLiveness(host, liveness, at.UtcDateTime));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _book = new IncidentBook(_store, _options, Now);
        _silences = _store.Silences().ToList();
        _worker = Task.Run(WorkAsync, CancellationToken.None);
        _timer = _time.CreateTimer(_ => Post(Tick), null, TickInterval, TickInterval);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _queue.Writer.TryComplete();
        if (_worker is not null)
        {
            await _worker.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Completes once everything queued before it has been applied and written.</summary>
    public Task FlushAsync() => Run(() => true);

    /// <summary>
    /// Runs <paramref name="work"/> on the engine's worker, in order with ingest's work; completes
    /// once its changes are durable (or with the error that stopped it).
    /// </summary>
    public Task<T> Run<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var posted = _queue.Writer.TryWrite(() =>
        {
            try
            {
                var result = work();
                _afterCommit.Add((() => done.SetResult(result), e => done.SetException(e)));
            }
            catch (Exception e)
            {
                done.SetException(e);
                throw;
            }
        });
        if (!posted)
        {
            done.SetException(new InvalidOperationException("the incident engine is stopping"));
        }
        return done.Task;
    }

    private void Post(Action work) => _queue.Writer.TryWrite(work);

    private async Task WorkAsync()
    {
        while (await _queue.Reader.WaitToReadAsync())
        {
            // Group commit: everything queued by now is applied, then written in one durable write.
            for (var applied = 0; applied < MaxGroup && _queue.Reader.TryRead(out var work); applied++)
            {
                Apply(work);
            }
            try
            {
                Settle();
                Complete(null);
            }
            catch (Exception e) when (e is InvalidOperationException or LiteDB.LiteException or IOException)
            {
                Complete(e);
                Log.IncidentWorkFailed(_logger, e);
            }
        }
    }

    private void Apply(Action work)
    {
        try
        {
            work();
        }
        catch (IncidentCommandException)
        {
            // The operator's mistake, answered on the call; nothing was changed.
        }
        catch (Exception e) when (e is InvalidOperationException or LiteDB.LiteException or IOException or ArgumentException)
        {
            Log.IncidentWorkFailed(_logger, e);
        }
    }

    /// <summary>Works out the notices the changed incidents owe, writes everything, then sends and tells watchers.</summary>
    private void Settle()
    {
        var now = Now;
        foreach (var incident in Book.Dirty.ToList())
        {
            Owe(NoticePolicy.Owed(incident, _silences, now, Book));
        }
        var changed = Book.Commit(now);
        foreach (var notice in _notices)
        {
            foreach (var dispatcher in _dispatchers)
            {
                dispatcher.Enqueue(notice);
            }
        }
        _notices.Clear();
        Feed.Changed(changed.Select(i => i.Id));
    }

    private void Complete(Exception? failure)
    {
        foreach (var (done, failed) in _afterCommit)
        {
            if (failure is null)
            {
                done();
            }
            else
            {
                failed(failure);
            }
        }
        _afterCommit.Clear();
    }

    private void Owe(IncidentNotice? notice)
    {
        if (notice is not null)
        {
            _notices.Add(notice);
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _queue.Writer.TryComplete();
    }
}

using System.Threading.Channels;
using Warden.Aggregator.Notifications.Receivers;

namespace Warden.Aggregator.Notifications;

/// <summary>
/// The aggregator's <see cref="INotificationDispatcher"/>: logs every notice, then groups it and
/// sends the groups' messages to the configured receivers. Enqueue only appends to an in-memory
/// queue (bounded by QueueCapacity; beyond it notices are dropped and counted), so the incident
/// engine is never held up by a receiver. One loop owns the groups; a timer on the injected clock
/// wakes it every second to send what is due.
/// </summary>
public sealed class NotificationDispatcher : INotificationDispatcher, IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private readonly NotificationOptions _options;
    private readonly TimeProvider _time;
    private readonly NotificationCounters _counters;
    private readonly ILogger _logger;
    private readonly NotificationGroups _groups;
    private readonly Dictionary<string, ReceiverDelivery> _deliveries = new(StringComparer.Ordinal);
    private readonly Channel<object> _inbox = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly long[] _droppedReported = new long[Enum.GetValues<DropReason>().Length];
    private int _waiting;
    private int _tickQueued;
    private ITimer? _timer;
    private Task? _loop;

    public NotificationDispatcher(NotificationOptions options, TimeProvider time, NotificationCounters counters, ILogger<NotificationDispatcher> logger)
    {
        _options = options;
        _time = time;
        _counters = counters;
        _logger = logger;
        _groups = new NotificationGroups(options, counters);
    }

    public void Enqueue(IncidentNotice notice)
    {
        Log.NoticeReceived(_logger, notice.IncidentId, NoticeDocument.KindName(notice.Kind), notice.Severity, notice.Title, string.Join(',', notice.Hosts));
        if (Interlocked.Increment(ref _waiting) > _options.QueueCapacity)
        {
            Interlocked.Decrement(ref _waiting);
            _counters.CountDropped(DropReason.QueueFull, 1);
            return;
        }
        if (!_inbox.Writer.TryWrite(notice))
        {
            Interlocked.Decrement(ref _waiting);
            _counters.CountDropped(DropReason.Stopping, 1);
            return;
        }
        _counters.CountAccepted();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, receiver) in _options.Receivers)
        {
            _deliveries[name] = new ReceiverDelivery(name, ReceiverFactory.Create(receiver), receiver, _time, _counters, _logger,
                message => _inbox.Writer.TryWrite(new Returned(message)));
        }
        Log.NotificationsConfigured(_logger, string.Join(", ", _deliveries.Values.Select(d => $"{d.Name} ({d.Kind})")),
            _options.Routes.Count, string.Join(", ", _options.DefaultReceivers), string.Join(", ", _options.EffectiveGroupBy),
            TimeSpan.FromSeconds(_options.GroupWaitSeconds), TimeSpan.FromSeconds(_options.GroupIntervalSeconds), TimeSpan.FromSeconds(_options.RepeatIntervalSeconds));
        _loop = Task.Run(RunAsync, CancellationToken.None);
        _timer = _time.CreateTimer(_ => QueueTick(), null, Tick, Tick);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_loop is null)
        {
            return;
        }
        _timer?.Dispose();
        // Receivers first: a message they hand back meanwhile still reaches the loop, and is counted below.
        var left = 0;
        foreach (var delivery in _deliveries.Values)
        {
            left += await delivery.StopAsync();
        }
        _inbox.Writer.TryComplete();
        await _loop;
        _loop = null;
        if (left > 0 || _groups.Count > 0)
        {
            Log.NotificationsUndelivered(_logger, left, _groups.Count);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        foreach (var delivery in _deliveries.Values)
        {
            await delivery.DisposeAsync();
        }
    }

    /// <summary>Completes once every item queued before this call has been handled (for tests and shutdown).</summary>
    internal Task WhenHandledAsync()
    {
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_inbox.Writer.TryWrite(handled))
        {
            handled.SetResult();
        }
        return handled.Task;
    }

    /// <summary>True when no receiver has a message queued or in flight (tests wait for it before moving a fake clock).</summary>
    internal bool DeliveriesIdle => _deliveries.Values.All(d => d.Outstanding == 0);

    private void QueueTick()
    {
        // Ticks that pile up while the loop is busy collapse into one: due times are absolute.
        if (Interlocked.Exchange(ref _tickQueued, 1) == 0)
        {
            _inbox.Writer.TryWrite(Tick);
        }
    }

    private async Task RunAsync()
    {
        await foreach (var item in _inbox.Reader.ReadAllAsync())
        {
            switch (item)
            {
                case IncidentNotice notice:
                    Interlocked.Decrement(ref _waiting);
                    if (!_groups.Add(notice, _time.GetUtcNow()))
                    {
                        Log.NoticeUnrouted(_logger, notice.IncidentId);
                    }
                    break;
                case TimeSpan:
                    Interlocked.Exchange(ref _tickQueued, 0);
                    SendDue();
                    break;
                case Returned returned:
                    _groups.Return(returned.Message, _time.GetUtcNow());
                    break;
                case TaskCompletionSource handled:
                    handled.SetResult();
                    break;
            }
        }
    }

    private void SendDue()
    {
        foreach (var message in _groups.TakeDue(_time.GetUtcNow()))
        {
            _deliveries[message.Receiver].Post(message);
        }
        foreach (var reason in Enum.GetValues<DropReason>())
        {
            var dropped = _counters.Dropped(reason);
            if (dropped != _droppedReported[(int)reason])
            {
                Log.NoticesDropped(_logger, dropped - _droppedReported[(int)reason], reason.ToString(), _counters.DroppedTotal);
                _droppedReported[(int)reason] = dropped;
            }
        }
    }

    private sealed record Returned(NotificationMessage Message);
}

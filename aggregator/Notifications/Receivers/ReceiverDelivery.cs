using System.Threading.Channels;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Warden.Aggregator.Notifications.Receivers;

/// <summary>
/// One receiver's queue and sender: messages go out one at a time, each attempt within the
/// receiver's limit, retried with capped exponential backoff on the injected clock. A message that
/// fails every attempt, or finds the queue full, is logged, counted and handed back to its group.
/// </summary>
internal sealed class ReceiverDelivery : IAsyncDisposable
{
    private readonly string _name;
    private readonly INotificationReceiver _receiver;
    private readonly ReceiverOptions _options;
    private readonly ReceiverCounters _counters;
    private readonly ILogger _logger;
    private readonly Action<NotificationMessage> _giveBack;
    private readonly Channel<NotificationMessage> _queue;
    private readonly ResiliencePipeline _pipeline;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;
    private NotificationMessage? _current;
    private int _outstanding;

    public ReceiverDelivery(string name, INotificationReceiver receiver, ReceiverOptions options, TimeProvider time,
        NotificationCounters counters, ILogger logger, Action<NotificationMessage> giveBack)
    {
        _name = name;
        _receiver = receiver;
        _options = options;
        _counters = counters.Receiver(name);
        _logger = logger;
        _giveBack = giveBack;
        _queue = Channel.CreateBounded<NotificationMessage>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true });
        _pipeline = BuildPipeline(time);
        _worker = Task.Run(() => RunAsync(_stop.Token));
    }

    public string Name => _name;

    public string Kind => _receiver.Kind;

    /// <summary>Messages queued or being sent; 0 when the receiver has nothing left to do.</summary>
    internal int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>Never blocks: a full queue sends the message back to its group.</summary>
    public void Post(NotificationMessage message)
    {
        if (_stop.IsCancellationRequested)
        {
            _giveBack(message);
            return;
        }
        Interlocked.Increment(ref _outstanding);
        if (!_queue.Writer.TryWrite(message))
        {
            Interlocked.Decrement(ref _outstanding);
            _counters.CountRequeued();
            Log.ReceiverQueueFull(_logger, _name, message.GroupText, _options.QueueCapacity);
            _giveBack(message);
        }
    }

    private ResiliencePipeline BuildPipeline(TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (_options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = TimeSpan.FromSeconds(_options.BackoffSeconds),
                MaxDelay = TimeSpan.FromSeconds(_options.MaxBackoffSeconds),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsDeliveryFailure(e)),
                OnRetry = args =>
                {
                    Log.NotificationAttemptFailed(_logger, _name, _receiver.Kind, _current?.GroupText ?? "", args.AttemptNumber + 1, args.RetryDelay,
                        Reason(args.Outcome.Exception));
                    _counters.CountAttemptFailed();
                    return default;
                },
            });
        }
        return builder.AddTimeout(TimeSpan.FromSeconds(_options.TimeoutSeconds)).Build();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync(stop))
            {
                await DeliverAsync(message, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping: what is still queued is counted by DisposeAsync.
        }
    }

    private async Task DeliverAsync(NotificationMessage message, CancellationToken stop)
    {
        _current = message;
        try
        {
            await _pipeline.ExecuteAsync(static (state, token) => new ValueTask(state.Receiver.SendAsync(state.Message, token)), (Receiver: _receiver, Message: message), stop);
            _counters.CountSent(message.Notices.Count);
            Log.NotificationSent(_logger, _name, _receiver.Kind, message.GroupText, message.FiringCount, message.ResolvedCount, message.Repeat);
            _current = null;
        }
        catch (Exception e) when (IsDeliveryFailure(e))
        {
            Log.NotificationFailed(_logger, _name, _receiver.Kind, message.GroupText, _options.MaxAttempts, Reason(e), message.Notices.Count);
            _counters.CountAttemptFailed();
            _counters.CountFailed();
            _giveBack(message);
            _current = null;
        }
        finally
        {
            Interlocked.Decrement(ref _outstanding);
        }
    }

    // Cancellation is the aggregator stopping; an attempt's own limit arrives as TimeoutRejectedException.
    private static bool IsDeliveryFailure(Exception e) => e is not OperationCanceledException;

    private string Reason(Exception? e) => e switch
    {
        TimeoutRejectedException => $"no answer within {_options.TimeoutSeconds} s",
        ReceiverFailedException => e.Message,
        null => "unknown",
        _ => $"{e.GetType().Name}: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}",
    };

    /// <summary>Stops sending; returns how many messages were cut short or still waiting.</summary>
    public async ValueTask<int> StopAsync()
    {
        await _stop.CancelAsync();
        _queue.Writer.TryComplete();
        await _worker;
        var left = _current is null ? 0 : 1;
        while (_queue.Reader.TryRead(out _))
        {
            left++;
        }
        return left;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_worker.IsCompleted)
        {
            await StopAsync();
        }
        _receiver.Dispose();
        _stop.Dispose();
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Warden.Aggregator.Notifications;

namespace Warden.Aggregator.Tests.Notifications;

/// <summary>A dispatcher on a fake clock with its counters and captured log, and notices to feed it.</summary>
internal sealed class NotificationTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);

    private NotificationTestBed(NotificationOptions options)
    {
        Options = options;
        Dispatcher = new NotificationDispatcher(options, Clock, Counters, Log);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public NotificationCounters Counters { get; } = new();

    public CapturedLog<NotificationDispatcher> Log { get; } = new();

    public NotificationOptions Options { get; }

    public NotificationDispatcher Dispatcher { get; }

    public static async Task<NotificationTestBed> StartAsync(NotificationOptions options)
    {
        var bed = new NotificationTestBed(options);
        await bed.Dispatcher.StartAsync(CancellationToken.None);
        return bed;
    }

    /// <summary>Moves the fake clock and waits until the dispatcher has handled every tick that caused.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await Dispatcher.WhenHandledAsync();
    }

    public async Task EnqueueAsync(params IncidentNotice[] notices)
    {
        foreach (var notice in notices)
        {
            Dispatcher.Enqueue(notice);
        }
        await Dispatcher.WhenHandledAsync();
    }

    /// <summary>
    /// For a retry backoff, which Polly waits on the fake clock from a thread of its own: moves the
    /// clock in small steps, letting that thread run between them, until <paramref name="done"/> completes.
    /// </summary>
    public async Task<T> PumpUntilAsync<T>(Task<T> done, TimeSpan step, int maxSteps = 400)
    {
        for (var i = 0; i < maxSteps && !done.IsCompleted; i++)
        {
            Clock.Advance(step);
            await Task.WhenAny(done, Task.Delay(TimeSpan.FromMilliseconds(10)));
        }
        Assert.True(done.IsCompleted, $"still waiting after {maxSteps} steps of {step} on the fake clock");
        return await done;
    }

    /// <summary>
    /// Waits (real time, bounded) until a receiver has finished sending: the fake clock must not
    /// move while an attempt is in flight, or the attempt's own limit would fire on it.
    /// </summary>
    public async Task DeliveredAsync(string receiver, long messages)
    {
        var counters = Counters.Receiver(receiver);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (counters.MessagesSent < messages && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
        Assert.Equal(messages, counters.MessagesSent);
    }

    public static IncidentNotice Notice(string id, NoticeKind kind = NoticeKind.Firing, string severity = "P2", string check = "disk_space",
        int escalationLevel = 0, DateTimeOffset? at = null)
    {
        var labels = new Dictionary<string, string> { ["component"] = "storage", ["check"] = check };
        if (escalationLevel > 0)
        {
            labels[NoticeRoute.EscalationLabel] = escalationLevel.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var when = at ?? Start;
        return new IncidentNotice(id, "fp-" + id, kind, severity, $"{check} failing on host-{id}", $"{check} CRIT on host-{id}: 97 % used",
            ["host-" + id], labels, Start, when, kind == NoticeKind.Resolved ? when : null);
    }

    public static NotificationOptions OptionsFor(params (string Name, ReceiverOptions Receiver)[] receivers) => new()
    {
        Receivers = receivers.ToDictionary(r => r.Name, r => r.Receiver),
        DefaultReceivers = [.. receivers.Select(r => r.Name)],
        GroupBy = ["check"],
        GroupWaitSeconds = 30,
        GroupIntervalSeconds = 300,
        RepeatIntervalSeconds = 3600,
    };

    public static ReceiverOptions Webhook(Uri url, int maxAttempts = 3, double backoffSeconds = 1) =>
        new() { Webhook = new WebhookReceiverOptions { Url = url.ToString() }, MaxAttempts = maxAttempts, BackoffSeconds = backoffSeconds, TimeoutSeconds = 30 };

    public async ValueTask DisposeAsync() => await Dispatcher.DisposeAsync();
}

/// <summary>Log lines with their event ids, for asserting what an operator would read.</summary>
internal sealed class CapturedLog<T> : ILogger<T>
{
    public ConcurrentQueue<(int EventId, LogLevel Level, string Message)> Lines { get; } = new();

    public IEnumerable<string> WithEvent(int eventId) => Lines.Where(l => l.EventId == eventId).Select(l => l.Message);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
}

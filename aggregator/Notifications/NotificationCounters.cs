using System.Collections.Concurrent;

namespace Warden.Aggregator.Notifications;

/// <summary>Why a notice or message did not reach a receiver's queue.</summary>
public enum DropReason
{
    /// <summary>Enqueue found QueueCapacity notices waiting.</summary>
    QueueFull,

    /// <summary>The notice needed a new group beyond MaxGroups.</summary>
    GroupLimit,

    /// <summary>Its group already held MaxNoticesPerGroup incidents.</summary>
    GroupFull,

    /// <summary>Handed over while the aggregator was stopping.</summary>
    Stopping,
}

/// <summary>
/// Notification figures since start, safe to read from any thread (for /metrics): notices
/// accepted, dropped by reason, unrouted; per receiver messages and notices sent, failed messages
/// and failed attempts.
/// </summary>
public sealed class NotificationCounters
{
    private readonly long[] _dropped = new long[Enum.GetValues<DropReason>().Length];
    private readonly ConcurrentDictionary<string, ReceiverCounters> _receivers = new(StringComparer.Ordinal);
    private long _accepted;
    private long _unrouted;

    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Notices no route or default receiver wanted: logged only.</summary>
    public long Unrouted => Interlocked.Read(ref _unrouted);

    public long Dropped(DropReason reason) => Interlocked.Read(ref _dropped[(int)reason]);

    public long DroppedTotal => Enum.GetValues<DropReason>().Sum(Dropped);

    public IReadOnlyDictionary<string, ReceiverCounters> Receivers => _receivers;

    public ReceiverCounters Receiver(string name) => _receivers.GetOrAdd(name, _ => new ReceiverCounters());

    internal void CountAccepted() => Interlocked.Increment(ref _accepted);

    internal void CountUnrouted() => Interlocked.Increment(ref _unrouted);

    internal void CountDropped(DropReason reason, int notices) => Interlocked.Add(ref _dropped[(int)reason], notices);
}

/// <summary>One receiver's figures.</summary>
public sealed class ReceiverCounters
{
    private long _messagesSent;
    private long _noticesSent;
    private long _messagesFailed;
    private long _attemptsFailed;
    private long _messagesRequeued;

    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    public long NoticesSent => Interlocked.Read(ref _noticesSent);

    /// <summary>Messages that failed every attempt (they go back to their group for the next interval).</summary>
    public long MessagesFailed => Interlocked.Read(ref _messagesFailed);

    public long AttemptsFailed => Interlocked.Read(ref _attemptsFailed);

    /// <summary>Messages handed back to their group because this receiver's queue was full.</summary>
    public long MessagesRequeued => Interlocked.Read(ref _messagesRequeued);

    internal void CountSent(int notices)
    {
        Interlocked.Increment(ref _messagesSent);
        Interlocked.Add(ref _noticesSent, notices);
    }

    internal void CountFailed() => Interlocked.Increment(ref _messagesFailed);

    internal void CountAttemptFailed() => Interlocked.Increment(ref _attemptsFailed);

    internal void CountRequeued() => Interlocked.Increment(ref _messagesRequeued);
}

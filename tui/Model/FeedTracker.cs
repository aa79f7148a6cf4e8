using Warden.Tui.Formatting;

namespace Warden.Tui.Model;

/// <summary>
/// How one live stream is doing: connecting, live or reconnecting, the last error, when it dropped,
/// when the next attempt is, and the aggregator's clock estimated from the last snapshot.
/// Shared by the host and incident feeds so both say the same things the same way.
/// </summary>
internal sealed class FeedTracker(TimeProvider time)
{
    private TimeSpan _serverClockOffset;
    private DateTimeOffset? _lostAt;
    private DateTimeOffset _retryAt;

    public FeedStatus Status { get; private set; } = FeedStatus.Connecting;

    public string? LastError { get; private set; }

    /// <summary>The aggregator's clock now; ages are measured by it.</summary>
    public DateTimeOffset ServerNow => time.GetUtcNow() + _serverClockOffset;

    public void SnapshotEnded(DateTimeOffset serverTime)
    {
        _serverClockOffset = serverTime - time.GetUtcNow();
        Status = FeedStatus.Live;
        LastError = null;
        _lostAt = null;
    }

    public void ConnectionLost(string reason, TimeSpan retryIn)
    {
        LastError = reason;
        _retryAt = time.GetUtcNow() + retryIn;

        // Before the first snapshot there is nothing to lose: the status stays "connecting".
        if (Status == FeedStatus.Live)
        {
            Status = FeedStatus.Reconnecting;
            _lostAt = time.GetUtcNow();
        }
    }

    /// <param name="live">What the line says while live ("live · 3 hosts").</param>
    public string StatusLine(string address, string live)
    {
        DateTimeOffset now = time.GetUtcNow();
        string retry = AgeFormat.Format(_retryAt - now);
        return Status switch
        {
            FeedStatus.Live => $"{live} · {address}",
            FeedStatus.Connecting when LastError is null => $"connecting to {address}…",
            FeedStatus.Connecting => $"cannot reach {address} ({LastError}) · retry in {retry}",
            _ => $"stale for {AgeFormat.Format(now - (_lostAt ?? now))} · {LastError} · retry in {retry}",
        };
    }
}

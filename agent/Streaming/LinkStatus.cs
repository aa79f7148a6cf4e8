namespace Warden.Agent.Streaming;

/// <summary>The aggregator link as `warden-agent status` reports it; updated by the link, read by the status writer.</summary>
internal sealed class LinkStatus
{
    private readonly object _gate = new();
    private string _endpoint = "";
    private bool _connected;
    private DateTimeOffset? _since;
    private long _reconnects;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;

    public void Connected(string endpoint, DateTimeOffset at)
    {
        lock (_gate)
        {
            (_endpoint, _connected, _since) = (endpoint, true, at);
        }
    }

    public void Disconnected(string endpoint, string reason, DateTimeOffset at)
    {
        lock (_gate)
        {
            (_endpoint, _connected, _since) = (endpoint, false, at);
            _reconnects++;
            (_lastError, _lastErrorAt) = (reason, at);
        }
    }

    public AggregatorStatus Snapshot()
    {
        lock (_gate)
        {
            return new AggregatorStatus(_endpoint, _connected, _since, _reconnects, _lastError, _lastErrorAt);
        }
    }
}

/// <param name="Since">When the link last connected (Connected) or last broke (not Connected).</param>
/// <param name="Reconnects">Times the link had to reconnect since the agent started: each stream that failed or ended,
/// and each attempt that did not connect.</param>
internal sealed record AggregatorStatus(string Endpoint, bool Connected, DateTimeOffset? Since, long Reconnects, string? LastError,
    DateTimeOffset? LastErrorAt);

namespace Warden.Agent.Streaming;

/// <summary>
/// Which aggregator endpoint to dial, from the ordered Aggregator:Endpoints list: the next one after
/// a failure, and the first one again once a later one has carried the stream for the failback time,
/// so a fleet returns to its primary aggregator when it is back.
/// </summary>
internal sealed class EndpointRotation(IReadOnlyList<string> endpoints, TimeSpan failback)
{
    private int _index;

    public string Current => endpoints[_index];

    /// <summary>How long a stream on the current endpoint may run before the first is tried again; null on the first.</summary>
    public TimeSpan? FailbackAfter => _index == 0 ? null : failback;

    public void Failed() => _index = (_index + 1) % endpoints.Count;

    public void FailBack() => _index = 0;
}

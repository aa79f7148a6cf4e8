namespace Warden.Agent.Streaming;

/// <summary>
/// Capped exponential backoff with "equal jitter": half the delay fixed, half random, so a fleet that
/// lost its aggregator at once does not come back in lock step.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan min, TimeSpan max, Random random)
{
    private int _failures;

    public TimeSpan NextDelay()
    {
        var exponent = Math.Min(_failures, 30);
        _failures++;
        var ceiling = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
    }

    public void Reset() => _failures = 0;
}

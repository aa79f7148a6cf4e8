namespace Warden.Aggregator.Reports;

/// <summary>
/// Down intervals of one subject (a host, a component) within a window; overlapping incidents are
/// counted once, so two incidents open at once are one stretch of downtime.
/// </summary>
public sealed class Downtime(DateTime windowStart, DateTime windowEnd)
{
    private readonly List<(DateTime From, DateTime To)> _intervals = [];

    public DateTime WindowStart { get; } = windowStart;

    public DateTime WindowEnd { get; } = windowEnd;

    public int Failures { get; private set; }

    /// <summary>Adds an episode (clipped to the window); counts it as a failure when asked and it starts inside the window.</summary>
    public void Add(Episode episode, bool countFailure)
    {
        var from = episode.Start < WindowStart ? WindowStart : episode.Start;
        var to = episode.End is { } end && end < WindowEnd ? end : WindowEnd;
        if (to > from)
        {
            _intervals.Add((from, to));
        }

        if (countFailure && episode.Start >= WindowStart && episode.Start < WindowEnd)
        {
            Failures++;
        }
    }

    public TimeSpan Observed => WindowEnd > WindowStart ? WindowEnd - WindowStart : TimeSpan.Zero;

    public TimeSpan Down
    {
        get
        {
            var total = TimeSpan.Zero;
            DateTime? runFrom = null;
            var runTo = DateTime.MinValue;
            foreach (var (from, to) in _intervals.OrderBy(i => i.From))
            {
                if (runFrom is null || from > runTo)
                {
                    total += runFrom is { } f ? runTo - f : TimeSpan.Zero;
                    (runFrom, runTo) = (from, to);
                }
                else if (to > runTo)
                {
                    runTo = to;
                }
            }

            return total + (runFrom is { } last ? runTo - last : TimeSpan.Zero);
        }
    }

    /// <summary>Share of the observed window without downtime; 1 for an empty window.</summary>
    public double Availability => Observed > TimeSpan.Zero ? 1 - (Down / Observed) : 1;
}

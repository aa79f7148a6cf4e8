namespace Warden.Agent.Healing;

/// <summary>
/// At most MaxRuns heal runs per check in any sliding window (DESIGN.md, "Heal budget"). Once spent
/// the budget stays exhausted, even as old runs leave the window, until the check has been OK for a
/// full window or an operator resets it: a check that keeps failing is never healed in a loop.
/// </summary>
internal sealed class HealBudget(int maxRuns, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _runs = new();
    private DateTimeOffset? _okSince;

    public int MaxRuns => maxRuns;

    public TimeSpan Window => window;

    public bool IsExhausted { get; private set; }

    /// <summary>Runs started within the window ending at <paramref name="now"/>.</summary>
    public int RunsInWindow(DateTimeOffset now)
    {
        while (_runs.TryPeek(out var oldest) && now - oldest >= window)
        {
            _runs.Dequeue();
        }
        return _runs.Count;
    }

    public bool Allow(DateTimeOffset now) => !IsExhausted && RunsInWindow(now) < maxRuns;

    /// <summary>Runs the budget still allows at <paramref name="now"/>: 0 while exhausted.</summary>
    public int Left(DateTimeOffset now) => IsExhausted ? 0 : Math.Max(0, maxRuns - RunsInWindow(now));

    public void Record(DateTimeOffset now) => _runs.Enqueue(now);

    /// <summary>Marks the budget spent; true the first time, so heal-exhausted is emitted once.</summary>
    public bool MarkExhausted()
    {
        var first = !IsExhausted;
        IsExhausted = true;
        return first;
    }

    /// <summary>Feeds the check's result; true when an OK lasting a full window has just reset the budget.</summary>
    public bool Observe(Checks.CheckStatus status, DateTimeOffset now)
    {
        switch (status)
        {
            case Checks.CheckStatus.Ok:
                _okSince ??= now;
                if (now - _okSince.Value >= window && (IsExhausted || _runs.Count > 0))
                {
                    Reset();
                    return true;
                }
                return false;
            case Checks.CheckStatus.Warn or Checks.CheckStatus.Crit:
                _okSince = null;
                return false;
            default:
                return false; // UNKNOWN is no data: neither ends nor extends an OK stretch
        }
    }

    /// <summary>Forgets every run and the exhaustion (an operator's reset, or a full window OK).</summary>
    public void Reset()
    {
        _runs.Clear();
        IsExhausted = false;
    }
}

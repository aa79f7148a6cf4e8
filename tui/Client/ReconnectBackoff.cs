namespace Warden.Tui.Client;

/// <summary>Doubling delay between reconnect attempts, capped so a restarted aggregator is found quickly.</summary>
internal sealed class ReconnectBackoff
{
    public static readonly TimeSpan DefaultInitial = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan DefaultCap = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _initial;
    private readonly TimeSpan _cap;
    private TimeSpan _next;

    public ReconnectBackoff(TimeSpan initial, TimeSpan cap)
    {
        _initial = initial;
        _cap = cap;
        _next = initial;
    }

    public ReconnectBackoff()
        : this(DefaultInitial, DefaultCap)
    {
    }

    public TimeSpan Next()
    {
        TimeSpan current = _next;
        _next = TimeSpan.FromTicks(Math.Min(_cap.Ticks, current.Ticks * 2));
        return current;
    }

    /// <summary>Called once a snapshot arrives: the next loss starts again from the short delay.</summary>
    public void Reset() => _next = _initial;
}

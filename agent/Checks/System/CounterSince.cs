namespace Warden.Agent.Checks.SystemChecks;

/// <summary>
/// A kernel event counter (vmstat oom_kill, pswpin) followed from one evaluation to the next: how
/// much it grew and over how long, on the injected clock.
/// </summary>
internal sealed class CounterSince
{
    private readonly TimeProvider _time;
    private ulong _last;
    private long _lastStamp;
    private bool _haveLast;

    public CounterSince(TimeProvider time) => _time = time;

    /// <summary>
    /// Takes a new reading. False on the first reading, and when the counter went back (it only does
    /// across a reboot or a wrap): both start a new baseline instead of reporting a bogus delta.
    /// </summary>
    public bool TryAdvance(ulong value, out ulong delta, out TimeSpan elapsed)
    {
        var now = _time.GetTimestamp();
        var had = _haveLast && value >= _last;
        delta = had ? value - _last : 0;
        elapsed = had ? _time.GetElapsedTime(_lastStamp, now) : TimeSpan.Zero;
        _last = value;
        _lastStamp = now;
        _haveLast = true;
        return had;
    }

    /// <summary>Forgets the baseline (the counter disappeared), so the next reading starts afresh.</summary>
    public void Reset() => _haveLast = false;
}

namespace Warden.Agent.Vms;

/// <summary>CPU in percent of one core, and disk bytes per second, between two reads of a guest.</summary>
internal readonly record struct GuestRate(double CpuPct, double ReadBytesPerSec, double WriteBytesPerSec, GuestUsage Usage);

/// <summary>
/// Turns cumulative <see cref="GuestUsage"/> into rates over the time since the previous read of the same guest
/// run (pid and start time), timed by the injected <see cref="TimeProvider"/>. The first read has NaN rates.
/// </summary>
internal sealed class GuestRates(TimeProvider time)
{
    private readonly Dictionary<(int, ulong), (long Timestamp, GuestUsage Usage)> _previous = [];
    private readonly Lock _lock = new();

    public GuestRate Next(RunningGuest guest, GuestUsage usage)
    {
        var now = time.GetTimestamp();
        lock (_lock)
        {
            var rate = new GuestRate(double.NaN, double.NaN, double.NaN, usage);
            if (_previous.TryGetValue(guest.Identity, out var before))
            {
                var seconds = time.GetElapsedTime(before.Timestamp, now).TotalSeconds;
                if (seconds > 0)
                {
                    rate = new GuestRate(
                        PerSecond(usage.CpuUsec, before.Usage.CpuUsec, seconds) / 10_000.0,
                        PerSecond(usage.ReadBytes, before.Usage.ReadBytes, seconds),
                        PerSecond(usage.WriteBytes, before.Usage.WriteBytes, seconds),
                        usage);
                }
            }
            _previous[guest.Identity] = (now, usage);
            return rate;
        }
    }

    /// <summary>Forgets guest runs that are no longer running, so the table stays as small as the host's guest list.</summary>
    public void Retain(IReadOnlyList<RunningGuest> running)
    {
        lock (_lock)
        {
            var keep = running.Select(g => g.Identity).ToHashSet();
            foreach (var key in _previous.Keys.Where(k => !keep.Contains(k)).ToList())
            {
                _previous.Remove(key);
            }
        }
    }

    private static double PerSecond(ulong? now, ulong? then, double seconds) =>
        now is { } n && then is { } t ? Cgroups.Saturating.Delta(n, t) / seconds : double.NaN;
}

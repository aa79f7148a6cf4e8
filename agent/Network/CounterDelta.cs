namespace Warden.Agent.Network;

/// <summary>
/// How far a kernel counter moved between two reads. Counters are 64-bit on 64-bit kernels, but
/// some drivers and 32-bit kernels keep 32-bit counters that wrap at 2^32; an interface deleted and
/// re-created starts again from zero.
/// </summary>
internal static class CounterDelta
{
    private const ulong Wrap32 = 1UL << 32;

    /// <summary>
    /// False when the counter went back and that is not a plausible single 32-bit wrap: a reset, so
    /// the interval has no rate.
    /// </summary>
    public static bool TryGet(ulong now, ulong then, out ulong delta)
    {
        if (now >= then)
        {
            delta = now - then;
            return true;
        }
        // Both fit in 32 bits and the wrapped step is under half the range: it wrapped once. A
        // re-created interface (then large, now small but the step huge) does not pass this.
        if (then < Wrap32 && now < Wrap32 && Wrap32 - then + now < Wrap32 / 2)
        {
            delta = Wrap32 - then + now;
            return true;
        }
        delta = 0;
        return false;
    }
}

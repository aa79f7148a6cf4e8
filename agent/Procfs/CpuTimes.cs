namespace Warden.Agent.Procfs;

/// <summary>Cumulative CPU time in USER_HZ ticks, as in the "cpu" line of /proc/stat.</summary>
internal readonly record struct CpuTimes(
    ulong User, ulong Nice, ulong System, ulong Idle, ulong IoWait, ulong Irq, ulong SoftIrq, ulong Steal)
{
    // guest and guest_nice are already counted in user and nice, so they stay out of the total.
    public ulong Total => User + Nice + System + Idle + IoWait + Irq + SoftIrq + Steal;

    /// <summary>Shares of the interval since <paramref name="earlier"/>, in percent.</summary>
    public CpuShares SharesSince(CpuTimes earlier)
    {
        var total = Delta(Total, earlier.Total);
        if (total == 0)
        {
            return CpuShares.NoData;
        }
        double Pct(ulong now, ulong then) => 100.0 * Delta(now, then) / total;
        var idle = Pct(Idle, earlier.Idle);
        var iowait = Pct(IoWait, earlier.IoWait);
        return new CpuShares(
            Busy: Math.Clamp(100.0 - idle - iowait, 0, 100),
            IoWait: iowait,
            Steal: Pct(Steal, earlier.Steal));
    }

    // Counters can step back (CPU hot-unplug, a buggy hypervisor); treat that as no time passing.
    private static ulong Delta(ulong now, ulong then) => now >= then ? now - then : 0;
}

internal readonly record struct CpuShares(double Busy, double IoWait, double Steal)
{
    public static CpuShares NoData => new(double.NaN, double.NaN, double.NaN);
}

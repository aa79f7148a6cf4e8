namespace Warden.Agent.Procfs;

/// <summary>
/// Every field of a /proc/stat cpu line as a share of one interval, in percent; the same split that
/// vmstat's us/sy/id/wa/st columns show (there us = user + nice and sy = system + irq + softirq).
/// </summary>
internal readonly record struct CpuSplit(
    double User, double Nice, double System, double Idle, double IoWait, double Irq, double SoftIrq, double Steal)
{
    public static CpuSplit NoData => new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Time neither idle nor waiting for I/O; steal counts, since the guest wanted the CPU.</summary>
    public double Busy => Math.Clamp(100.0 - Idle - IoWait, 0, 100);

    public bool HasData => !double.IsNaN(Idle);

    public static CpuSplit Between(CpuTimes earlier, CpuTimes later)
    {
        var total = Delta(later.Total, earlier.Total);
        if (total == 0)
        {
            return NoData;
        }
        double Pct(ulong now, ulong then) => 100.0 * Delta(now, then) / total;
        return new CpuSplit(
            Pct(later.User, earlier.User), Pct(later.Nice, earlier.Nice), Pct(later.System, earlier.System),
            Pct(later.Idle, earlier.Idle), Pct(later.IoWait, earlier.IoWait), Pct(later.Irq, earlier.Irq),
            Pct(later.SoftIrq, earlier.SoftIrq), Pct(later.Steal, earlier.Steal));
    }

    // Counters can step back (CPU hot-unplug, a buggy hypervisor); treat that as no time passing.
    private static ulong Delta(ulong now, ulong then) => now >= then ? now - then : 0;
}

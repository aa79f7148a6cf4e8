namespace Warden.Agent.Network;

/// <summary>
/// The counters of one interface from /proc/net/dev that the checks use. RxDropped is the kernel's
/// rx_dropped + rx_missed_errors (net/core/net-procfs.c prints the sum).
/// </summary>
internal readonly record struct NetDevCounters(
    ulong RxBytes, ulong RxPackets, ulong RxErrors, ulong RxDropped,
    ulong TxBytes, ulong TxPackets, ulong TxErrors, ulong TxDropped)
{
    /// <summary>The counts over the interval since <paramref name="earlier"/>; false on a counter reset.</summary>
    public bool TryDeltaSince(NetDevCounters earlier, out NetDevCounters delta)
    {
        delta = default;
        if (!CounterDelta.TryGet(RxBytes, earlier.RxBytes, out var rxBytes)
            || !CounterDelta.TryGet(RxPackets, earlier.RxPackets, out var rxPackets)
            || !CounterDelta.TryGet(RxErrors, earlier.RxErrors, out var rxErrors)
            || !CounterDelta.TryGet(RxDropped, earlier.RxDropped, out var rxDropped)
            || !CounterDelta.TryGet(TxBytes, earlier.TxBytes, out var txBytes)
            || !CounterDelta.TryGet(TxPackets, earlier.TxPackets, out var txPackets)
            || !CounterDelta.TryGet(TxErrors, earlier.TxErrors, out var txErrors)
            || !CounterDelta.TryGet(TxDropped, earlier.TxDropped, out var txDropped))
        {
            return false;
        }
        delta = new NetDevCounters(rxBytes, rxPackets, rxErrors, rxDropped, txBytes, txPackets, txErrors, txDropped);
        return true;
    }
}

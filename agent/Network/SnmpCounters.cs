namespace Warden.Agent.Network;

/// <summary>
/// The TCP and UDP counters of /proc/net/snmp the checks use. CurrEstab is a gauge; the rest count
/// up since boot. OutSegs includes retransmitted segments on Linux, so RetransSegs / OutSegs is a share.
/// </summary>
internal readonly record struct SnmpCounters(
    ulong TcpOutSegs, ulong TcpRetransSegs, ulong TcpInErrs, ulong TcpCurrEstab,
    bool HasUdp, ulong UdpInErrors, ulong UdpRcvbufErrors);

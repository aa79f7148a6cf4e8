using System.Globalization;
using Warden.Agent.Network;

namespace Warden.Agent.Tests.Network;

/// <summary>
/// /proc/net/dev against /sys/class/net/lo/statistics, the kernel's other view of the same counters.
/// Traffic moves them between two reads, so each /proc value must lie between a sysfs read taken
/// just before and one taken just after: the tolerance is exactly the traffic in that bracket.
/// </summary>
public class LoopbackAgreementTests
{
    private static ulong Stat(string name) =>
        ulong.Parse(File.ReadAllText($"/sys/class/net/lo/statistics/{name}").Trim(), CultureInfo.InvariantCulture);

    [Fact]
    public void Proc_net_dev_agrees_with_sysfs_statistics_for_lo()
    {
        // Some traffic on lo, so that the comparison is not of zeros.
        using (var listener = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0)))
        using (var sender = new System.Net.Sockets.UdpClient())
        {
            sender.Send(new byte[100], 100, (System.Net.IPEndPoint)listener.Client.LocalEndPoint!);
        }
        string[] names = ["rx_bytes", "rx_packets", "tx_bytes", "tx_packets", "rx_errors", "tx_errors"];
        var before = names.Select(Stat).ToArray();
        using var reader = new NetDevReader("/proc", TimeProvider.System);
        Assert.True(reader.TryRead(out _));
        var after = names.Select(Stat).ToArray();

        var lo = reader.Table.Interfaces.Single(i => i.Name == "lo").Counters;
        ulong[] proc = [lo.RxBytes, lo.RxPackets, lo.TxBytes, lo.TxPackets, lo.RxErrors, lo.TxErrors];
        for (var i = 0; i < names.Length; i++)
        {
            Assert.InRange(proc[i], before[i], after[i]);
        }
        Assert.True(lo.RxPackets > 0);
    }
}

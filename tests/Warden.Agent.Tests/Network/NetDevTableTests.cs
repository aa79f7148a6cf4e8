using System.Text;
using Warden.Agent.Network;

namespace Warden.Agent.Tests.Network;

public class NetDevTableTests
{
    private static byte[] Dev(params (string Name, ulong RxPackets, ulong RxErrs)[] rows)
    {
        var text = new StringBuilder("Inter-|   Receive |  Transmit\n face |bytes packets|bytes packets\n");
        foreach (var (name, packets, errs) in rows)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{name,6}: {packets * 100} {packets} {errs} 0 0 0 0 0 {packets * 50} {packets} 0 0 0 0 0 0\n");
        }
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    [Fact]
    public void Keeps_each_interfaces_slot_and_name_between_reads()
    {
        var table = new NetDevTable();
        table.Update(Dev(("lo", 10, 0), ("eth0", 100, 0)));
        var eth0 = table.Interfaces[1];
        var name = eth0.Name;
        Assert.False(eth0.TryGetDelta(out _, out var reset));
        Assert.False(reset);

        table.Update(Dev(("lo", 15, 0), ("eth0", 160, 2)));
        Assert.Same(eth0, table.Interfaces[1]);
        Assert.Same(name, table.Interfaces[1].Name);
        Assert.True(eth0.TryGetDelta(out var delta, out _));
        Assert.Equal(60UL, delta.RxPackets);
        Assert.Equal(2UL, delta.RxErrors);
        Assert.Equal(3000UL, delta.TxBytes);
    }

    [Fact]
    public void Drops_an_interface_that_went_and_starts_afresh_when_it_comes_back()
    {
        var table = new NetDevTable();
        table.Update(Dev(("lo", 10, 0), ("veth1", 5, 0), ("eth0", 100, 0)));
        table.Update(Dev(("lo", 11, 0), ("eth0", 101, 0)));
        Assert.Equal(["lo", "eth0"], table.Interfaces.Select(i => i.Name));
        Assert.True(table.Interfaces[1].TryGetDelta(out _, out _));

        table.Update(Dev(("lo", 12, 0), ("eth0", 102, 0), ("veth1", 1, 0)));
        Assert.Equal("veth1", table.Interfaces[2].Name);
        Assert.False(table.Interfaces[2].TryGetDelta(out _, out var reset));
        Assert.False(reset);
    }

    [Fact]
    public void Reports_a_reset_when_counters_go_back()
    {
        var table = new NetDevTable();
        table.Update(Dev(("eth0", 5000, 3)));
        table.Update(Dev(("eth0", 7, 0)));
        Assert.False(table.Interfaces[0].TryGetDelta(out _, out var reset));
        Assert.True(reset);
        table.Update(Dev(("eth0", 9, 0)));
        Assert.True(table.Interfaces[0].TryGetDelta(out var delta, out _));
        Assert.Equal(2UL, delta.RxPackets);
    }

    [Fact]
    public void Follows_interfaces_when_their_order_changes()
    {
        var table = new NetDevTable();
        table.Update(Dev(("a", 1, 0), ("b", 2, 0), ("c", 3, 0)));
        table.Update(Dev(("c", 30, 0), ("a", 10, 0), ("b", 20, 0)));
        var byName = table.Interfaces.ToDictionary(i => i.Name, i => i.Counters.RxPackets);
        Assert.Equal(10UL, byName["a"]);
        Assert.Equal(20UL, byName["b"]);
        Assert.Equal(30UL, byName["c"]);
    }

    [Fact]
    public void A_name_twice_in_one_read_keeps_the_first_line()
    {
        var table = new NetDevTable();
        Assert.Equal(1, table.Update(Dev(("eth0", 10, 0), ("eth0", 99, 0))));
        Assert.Equal(10UL, Assert.Single(table.Interfaces).Counters.RxPackets);
    }

    [Fact]
    public void Garbage_empties_the_table()
    {
        var table = new NetDevTable();
        table.Update(Dev(("eth0", 10, 0)));
        Assert.Equal(0, table.Update("no such thing\n\0\0"u8));
        Assert.Empty(table.Interfaces);
    }

    [Fact]
    public void A_warm_read_allocates_nothing()
    {
        var table = new NetDevTable();
        var live = File.ReadAllBytes("/proc/net/dev");
        table.Update(live);
        table.Update(live);
        var before = GC.GetAllocatedBytesForCurrentThread();
        table.Update(live);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

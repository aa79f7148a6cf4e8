using System.Text;
using Warden.Agent.Network;

namespace Warden.Agent.Tests.Network;

public class NetDevParserTests
{
    [Fact]
    public void Parses_the_cgroup2_host()
    {
        var table = new NetDevTable();
        Assert.Equal(4, table.Update(TestTrees.ProcBytes(TestTrees.Cgroup2Host, "net/dev")));
        Assert.Equal(["lo", "ifb0", "ifb1", "eth0"], table.Interfaces.Select(i => i.Name));
        Assert.Equal(new NetDevCounters(6079, 69, 0, 0, 6079, 69, 0, 0), table.Interfaces[0].Counters);
        Assert.Equal(new NetDevCounters(625, 10, 0, 0, 1473, 18, 0, 0), table.Interfaces[3].Counters);
    }

    [Fact]
    public void Parses_the_cgroup1_hybrid_host()
    {
        var table = new NetDevTable();
        Assert.Equal(4, table.Update(TestTrees.ProcBytes(TestTrees.Cgroup1Host, "net/dev")));
        Assert.Equal(new NetDevCounters(10927, 60, 0, 0, 10927, 60, 0, 0), table.Interfaces[0].Counters);
        Assert.Equal(new NetDevCounters(273266172, 8148, 0, 0, 636447, 6194, 0, 0), table.Interfaces[3].Counters);
    }

    [Fact]
    public void Parses_this_machines_live_proc_net_dev()
    {
        var table = new NetDevTable();
        Assert.True(table.Update(File.ReadAllBytes("/proc/net/dev")) > 0);
        var names = table.Interfaces.Select(i => i.Name).Order(StringComparer.Ordinal);
        // sysfs lists the same devices (plus, with bonding loaded, the plain file bonding_masters).
        var sysNames = new DirectoryInfo("/sys/class/net").GetFileSystemInfos()
            .Where(e => e.LinkTarget is not null || e is DirectoryInfo).Select(e => e.Name).Order(StringComparer.Ordinal);
        Assert.Equal(sysNames, names);
        Assert.Contains(table.Interfaces, i => i.Name == "lo");
    }

    [Theory]
    [InlineData("  eth0:12345 10 1 2 0 0 0 0 99 9 3 4 0 0 0 0", "eth0")]
    [InlineData("enp0s31f6: 12345 10 1 2 0 0 0 0 99 9 3 4 0 0 0 0", "enp0s31f6")]
    [InlineData("eth0.100@x:12345 10 1 2 0 0 0 0 99 9 3 4 0 0 0 0\r", "eth0.100@x")]
    [InlineData("\tw-g_0+#:12345\t10 1 2 0 0 0 0 99 9 3 4 0 0 0 0", "w-g_0+#")]
    public void Reads_a_device_line_whatever_its_spacing_and_name(string line, string name)
    {
        Assert.True(NetDevParser.TryParseLine(Encoding.UTF8.GetBytes(line), out var parsed, out var counters));
        Assert.Equal(name, Encoding.UTF8.GetString(parsed));
        Assert.Equal(new NetDevCounters(12345, 10, 1, 2, 99, 9, 3, 4), counters);
    }

    [Fact]
    public void A_name_that_is_not_UTF8_is_kept_with_a_replacement_character()
    {
        var table = new NetDevTable();
        byte[] line = [0xE9, .. "th0: 1 2 0 0 0 0 0 0 3 4 0 0 0 0 0 0\n"u8]; // Latin-1 'é', invalid as UTF-8
        Assert.Equal(1, table.Update(line));
        Assert.Equal("\uFFFDth0", table.Interfaces[0].Name);
    }

    [Theory]
    [InlineData("Inter-|   Receive                                                |  Transmit")]
    [InlineData(" face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed")]
    [InlineData("  eth0: 625 10 0 0 0 0 0 0 1473 18 0 0 0 0 0")]                 // truncated: 15 numbers
    [InlineData("  eth0: 625 10 0 0 0 0 0 0 1473 18 0 0 0 0 0 0 7")]             // 17 numbers
    [InlineData("  eth0: 625 10 0 0 0 0 0 0 1473 18 0 x 0 0 0 0")]               // garbage
    [InlineData("  eth0: 625 -10 0 0 0 0 0 0 1473 18 0 0 0 0 0 0")]              // negative
    [InlineData("  eth0: 99999999999999999999999 10 0 0 0 0 0 0 1 1 0 0 0 0 0 0")] // beyond 64 bits
    [InlineData("  : 625 10 0 0 0 0 0 0 1473 18 0 0 0 0 0 0")]                   // no name
    [InlineData("  eth 0: 625 10 0 0 0 0 0 0 1473 18 0 0 0 0 0 0")]              // two words
    [InlineData("  a/b: 625 10 0 0 0 0 0 0 1473 18 0 0 0 0 0 0")]                // '/' is never in a name
    [InlineData("  sixteenchars0123: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0")]          // longer than IFNAMSIZ
    [InlineData("")]
    [InlineData("\0\0\0:\xff\xfe")]
    public void Rejects_what_is_not_a_device_line(string line)
    {
        Assert.False(NetDevParser.TryParseLine(Encoding.Latin1.GetBytes(line), out _, out _));
    }

    [Fact]
    public void Takes_the_largest_64_bit_counter()
    {
        Assert.True(NetDevParser.TryParseLine("x: 18446744073709551615 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0"u8, out _, out var counters));
        Assert.Equal(ulong.MaxValue, counters.RxBytes);
    }

    [Fact]
    public void A_file_cut_in_the_middle_keeps_the_whole_lines_before_the_cut()
    {
        var whole = TestTrees.ProcBytes(TestTrees.Cgroup1Host, "net/dev");
        var cut = Encoding.ASCII.GetString(whole).IndexOf("eth0:", StringComparison.Ordinal) + 20;
        var table = new NetDevTable();
        Assert.Equal(3, table.Update(whole.AsSpan(0, cut)));
        Assert.DoesNotContain(table.Interfaces, i => i.Name == "eth0");
    }
}

using System.Text;
using Warden.Agent.Network;

namespace Warden.Agent.Tests.Network;

public class SnmpParserTests
{
    [Fact]
    public void Parses_the_cgroup2_host()
    {
        Assert.True(SnmpParser.TryParse(TestTrees.ProcBytes(TestTrees.Cgroup2Host, "net/snmp"), out var snmp));
        Assert.Equal(new SnmpCounters(31, 0, 0, 0, true, 0, 0), snmp);
    }

    [Fact]
    public void Parses_the_cgroup1_hybrid_host()
    {
        Assert.True(SnmpParser.TryParse(TestTrees.ProcBytes(TestTrees.Cgroup1Host, "net/snmp"), out var snmp));
        Assert.Equal(5922UL, snmp.TcpOutSegs);
        Assert.Equal(0UL, snmp.TcpRetransSegs);
        Assert.True(snmp.HasUdp);
    }

    [Fact]
    public void Parses_this_machines_live_proc_net_snmp()
    {
        var text = File.ReadAllText("/proc/net/snmp");
        Assert.True(SnmpParser.TryParse(Encoding.ASCII.GetBytes(text), out var snmp));
        // Read the same fields the slow way, from the same text.
        var lines = text.Split('\n').Where(l => l.StartsWith("Tcp:", StringComparison.Ordinal)).ToArray();
        var names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        ulong Field(string name) => ulong.Parse(values[Array.IndexOf(names, name)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Field("OutSegs"), snmp.TcpOutSegs);
        Assert.Equal(Field("RetransSegs"), snmp.TcpRetransSegs);
        Assert.Equal(Field("CurrEstab"), snmp.TcpCurrEstab);
        Assert.True(snmp.TcpOutSegs > 0);
    }

    [Fact]
    public void Finds_fields_by_name_whatever_their_order()
    {
        var text = "Tcp: CurrEstab InErrs Future RetransSegs MaxConn OutSegs\nTcp: 4 3 77 2 -1 1000\n"u8;
        Assert.True(SnmpParser.TryParse(text, out var snmp));
        Assert.Equal(new SnmpCounters(1000, 2, 3, 4, false, 0, 0), snmp);
    }

    [Fact]
    public void Udp_is_optional()
    {
        var text = "Tcp: OutSegs RetransSegs InErrs CurrEstab\nTcp: 10 1 0 2\nUdp: InDatagrams\nUdp: 5\n"u8;
        Assert.True(SnmpParser.TryParse(text, out var snmp));
        Assert.False(snmp.HasUdp);
        Assert.Equal(10UL, snmp.TcpOutSegs);
    }

    [Fact]
    public void Reads_udp_errors_when_present()
    {
        var text = "Udp: InDatagrams InErrors RcvbufErrors\nUdp: 9 7 5\nTcp: OutSegs RetransSegs InErrs CurrEstab\nTcp: 10 1 0 2\n"u8;
        Assert.True(SnmpParser.TryParse(text, out var snmp));
        Assert.Equal((true, 7UL, 5UL), (snmp.HasUdp, snmp.UdpInErrors, snmp.UdpRcvbufErrors));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Ip: Forwarding\nIp: 1\n")]                                              // no Tcp at all
    [InlineData("Tcp: OutSegs RetransSegs InErrs CurrEstab\n")]                          // header only
    [InlineData("Tcp: OutSegs RetransSegs InErrs CurrEstab\nTcp: 10 1 0\n")]             // value line cut short
    [InlineData("Tcp: OutSegs RetransSegs InErrs CurrEstab\nTcp: 10 1 0 2 9\n")]         // more values than names
    [InlineData("Tcp: OutSegs RetransSegs InErrs\nTcp: 10 1 0\n")]                       // no CurrEstab
    [InlineData("Tcp: OutSegs RetransSegs InErrs CurrEstab\nTcp: 10 x 0 2\n")]           // garbage
    [InlineData("Tcp: OutSegs RetransSegs InErrs CurrEstab\nTcp: -10 1 0 2\n")]          // negative counter
    [InlineData("Tcp: OutSegs RetransSegs InErrs CurrEstab\nTcp: 99999999999999999999999 1 0 2\n")]
    [InlineData("\0\0Tcp:\xff\xfe\n")]
    public void Rejects_what_has_no_complete_tcp_pair(string text)
    {
        Assert.False(SnmpParser.TryParse(Encoding.Latin1.GetBytes(text), out _));
    }

    [Fact]
    public void A_file_cut_inside_the_tcp_values_is_rejected()
    {
        var whole = TestTrees.ProcBytes(TestTrees.Cgroup1Host, "net/snmp");
        var tcpValues = Encoding.ASCII.GetString(whole).IndexOf("Tcp: 1 200", StringComparison.Ordinal);
        Assert.False(SnmpParser.TryParse(whole.AsSpan(0, tcpValues + 30), out _));
    }
}

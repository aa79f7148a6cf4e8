using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Network;

namespace Warden.Agent.Tests.Checks.Network;

public class TcpRetransmitsCheckTests
{
    private static readonly Threshold Default = new(2, 5);

    [Theory]
    [InlineData(0UL, 1000UL, "Ok")]
    [InlineData(19UL, 1000UL, "Ok")]
    [InlineData(20UL, 1000UL, "Warn")]     // exactly 2 %
    [InlineData(49UL, 1000UL, "Warn")]
    [InlineData(50UL, 1000UL, "Crit")]     // exactly 5 %
    [InlineData(100UL, 100UL, "Crit")]     // every segment a retransmission
    [InlineData(50UL, 99UL, "Ok")]         // under the floor of 100 segments: not judged
    [InlineData(0UL, 0UL, "Ok")]           // an idle host
    public void Judges_retransmissions_as_a_share_of_segments_sent(ulong retransmitted, ulong sent, string expected)
    {
        var result = TcpRetransmitsCheck.Judge(retransmitted, sent, TimeSpan.FromSeconds(5), Default, minSegments: 100);
        Assert.Equal(Enum.Parse<CheckStatus>(expected), result.Status);
        Assert.Equal(sent == 0 ? 0 : 100.0 * retransmitted / sent, result.Value, 6);
        Assert.Equal("warn ≥ 2 %, crit ≥ 5 %", result.Threshold);
    }

    [Fact]
    public void Shares_come_from_two_reads_with_a_fake_clock()
    {
        using var proc = TestTrees.CopyOfProc(TestTrees.Cgroup2Host);
        var time = new FakeTimeProvider();
        using var check = Create(proc.Path, time);

        Assert.Equal(CheckStatus.Unknown, Evaluate(check).Status);

        WriteTcp(proc.Path, outSegs: 31 + 2000, retrans: 60);
        time.Advance(TimeSpan.FromSeconds(10));
        var result = Evaluate(check);
        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Equal(3.0, result.Value, 6);
        Assert.Equal("3 % of 2000 segments sent were retransmissions (60, 6/s)", result.Reason);

        WriteTcp(proc.Path, outSegs: 31 + 2050, retrans: 70);   // 50 segments: too few to judge
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(CheckStatus.Ok, Evaluate(check).Status);

        WriteTcp(proc.Path, outSegs: 10, retrans: 0);            // counters went back
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(CheckStatus.Unknown, Evaluate(check).Status);
    }

    [Fact]
    public void A_missing_snmp_file_or_a_missing_tcp_line_is_unknown_never_a_crash()
    {
        using var proc = TestTrees.Scratch();
        using var check = Create(proc.Path, TimeProvider.System);
        var missing = Evaluate(check);
        Assert.Equal(CheckStatus.Unknown, missing.Status);
        Assert.Contains("does not exist", missing.Reason, StringComparison.Ordinal);

        Directory.CreateDirectory(proc.File("net"));
        File.WriteAllText(proc.File("net/snmp"), "Ip: Forwarding\nIp: 1\nUdp: InErrors\nUdp: 0\n");
        Assert.Equal(CheckStatus.Unknown, Evaluate(check).Status);
        File.WriteAllBytes(proc.File("net/snmp"), [0xff, 0xfe, 0, (byte)'\n']);
        Assert.Equal(CheckStatus.Unknown, Evaluate(check).Status);
    }

    [Fact]
    public void Works_on_this_machines_live_proc_net_snmp()
    {
        var time = new FakeTimeProvider();
        using var check = Create("/proc", time);
        Evaluate(check);
        time.Advance(TimeSpan.FromSeconds(5));
        var result = Evaluate(check);
        Assert.NotEqual(CheckStatus.Unknown, result.Status);
        Assert.InRange(result.Value, 0, 100);
    }

    private static TcpRetransmitsCheck Create(string proc, TimeProvider time) =>
        new(new NetworkCheckOptions().TcpRetransmits, 100, new HostPaths(proc, "/nonexistent", "/nonexistent", "/nonexistent"), time);

    private static CheckResult Evaluate(TcpRetransmitsCheck check)
    {
        var outcome = Assert.Single(InterfaceDownCheckTests.Outcomes(check));
        Assert.Equal(("tcp_retransmits", Component.Network), (outcome.Key, outcome.Component));
        return outcome.Result;
    }

    // The cgroup2 host's Tcp lines with OutSegs and RetransSegs replaced.
    private static void WriteTcp(string proc, ulong outSegs, ulong retrans) =>
        File.WriteAllText(Path.Combine(proc, "net", "snmp"), string.Create(CultureInfo.InvariantCulture,
            $"Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors\nTcp: 1 200 120000 -1 9 2 6 0 0 30 {outSegs} {retrans} 0 0 0\n"));
}

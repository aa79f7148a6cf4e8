using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Procfs;

public class VmstatParserTests
{
    [Theory]
    [InlineData(TestTrees.Cgroup2Host, 396UL)]
    [InlineData(TestTrees.Cgroup1Host, 1774UL)]
    public void Parses_both_fixture_hosts(string host, ulong majorFaults)
    {
        Assert.Equal(new VmCounters(0, majorFaults, 0, 0), VmstatParser.Parse(TestTrees.ProcBytes(host, "vmstat")));
    }

    [Fact]
    public void Parses_this_machines_live_vmstat()
    {
        var counters = VmstatParser.Parse(File.ReadAllBytes("/proc/vmstat"));
        var line = File.ReadLines("/proc/vmstat").First(l => l.StartsWith("oom_kill ", StringComparison.Ordinal));
        Assert.Equal(ulong.Parse(line[9..], System.Globalization.CultureInfo.InvariantCulture), counters.OomKill);
        Assert.NotNull(counters.SwapIn);
        Assert.True(counters.MajorFaults > 0);
    }

    [Fact]
    public void An_old_kernel_without_oom_kill_or_swap_gives_no_data_for_them()
    {
        var counters = VmstatParser.Parse("nr_free_pages 100\npgmajfault 7\n"u8);
        Assert.Equal(new VmCounters(null, 7, null, null), counters);
    }

    [Fact]
    public void Garbage_and_absurd_lines_are_skipped()
    {
        var text = "oom_kill\npswpin x\npswpout 99999999999999999999999\n\xff\xfe 3\noom_kill 18446744073709551615\npswpin_extra 4\n"u8;
        var counters = VmstatParser.Parse(text);
        Assert.Equal(ulong.MaxValue, counters.OomKill);
        Assert.Null(counters.SwapIn);
        Assert.Null(counters.SwapOut);
    }

    [Fact]
    public void An_empty_file_has_no_counters()
    {
        Assert.Equal(new VmCounters(null, null, null, null), VmstatParser.Parse(Encoding.ASCII.GetBytes("")));
    }
}

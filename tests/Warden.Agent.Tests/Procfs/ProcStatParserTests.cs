using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Procfs;

public class ProcStatParserTests
{
    [Fact]
    public void Parses_the_cgroup2_host()
    {
        Assert.True(ProcStatParser.TryParse(TestTrees.ProcBytes(TestTrees.Cgroup2Host, "stat"), out var stat));
        Assert.Equal(new CpuTimes(50, 0, 450, 35750, 96, 0, 11, 1), stat.Total);
        Assert.Equal(16, stat.OnlineCpus);
        Assert.Equal(1795397971UL, stat.BootTimeUnixSeconds);
    }

    [Fact]
    public void Parses_the_cgroup1_hybrid_host()
    {
        Assert.True(ProcStatParser.TryParse(TestTrees.ProcBytes(TestTrees.Cgroup1Host, "stat"), out var stat));
        Assert.Equal(new CpuTimes(25891, 0, 7535, 48186, 642, 0, 103, 432), stat.Total);
        Assert.Equal(2, stat.OnlineCpus);
        Assert.Equal(1795397589UL, stat.BootTimeUnixSeconds);
    }

    [Fact]
    public void Parses_this_machines_live_proc_stat()
    {
        Assert.True(ProcStatParser.TryParse(File.ReadAllBytes("/proc/stat"), out var stat));
        Assert.Equal(Environment.ProcessorCount, stat.OnlineCpus);
        Assert.True(stat.Total.Total > 0);
        var bootTime = DateTimeOffset.FromUnixTimeSeconds((long)stat.BootTimeUnixSeconds);
        Assert.InRange(bootTime, DateTimeOffset.UtcNow.AddYears(-5), DateTimeOffset.UtcNow);
    }

    [Fact]
    public void Accepts_an_old_kernel_with_four_fields_and_no_cpuN_lines()
    {
        Assert.True(ProcStatParser.TryParse("cpu  1 2 3 4\n"u8, out var stat));
        Assert.Equal(new CpuTimes(1, 2, 3, 4, 0, 0, 0, 0), stat.Total);
        Assert.Equal(0, stat.OnlineCpus);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cpu  1 2 3\n")]                                   // truncated
    [InlineData("cpu  1 2 x 4 5 6 7 8\n")]                         // garbage
    [InlineData("cpu  1 2 3 99999999999999999999999 5 6 7 8\n")]   // beyond 64 bits
    [InlineData("cpu0 1 2 3 4 5 6 7 8\nintr 1\n")]                 // no aggregate line
    [InlineData("\0\0\0\0\n\xff\xfe")]
    public void Rejects_what_is_not_a_proc_stat(string text)
    {
        Assert.False(ProcStatParser.TryParse(Encoding.Latin1.GetBytes(text), out _));
    }

    [Fact]
    public void A_file_cut_in_the_middle_still_yields_the_aggregate_line()
    {
        var whole = TestTrees.ProcBytes(TestTrees.Cgroup2Host, "stat");
        Assert.True(ProcStatParser.TryParse(whole.AsSpan(0, 120), out var stat));
        Assert.Equal(50UL, stat.Total.User);
    }
}

using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Procfs;

public class PerCpuStatParserTests
{
    [Fact]
    public void Parses_every_cpu_line_of_the_cgroup2_host()
    {
        var cpus = new PerCpuTimes[32];
        Assert.Equal(16, PerCpuStatParser.Parse(TestTrees.ProcBytes(TestTrees.Cgroup2Host, "stat"), cpus));
        Assert.Equal(new PerCpuTimes(3, new CpuTimes(2, 0, 73, 2193, 3, 0, 0, 0)), cpus[3]);
        Assert.Equal(new PerCpuTimes(15, new CpuTimes(0, 0, 10, 2260, 1, 0, 0, 0)), cpus[15]);
    }

    [Fact]
    public void Parses_the_cgroup1_host_with_irq_softirq_and_steal()
    {
        var cpus = new PerCpuTimes[2];
        Assert.Equal(2, PerCpuStatParser.Parse(TestTrees.ProcBytes(TestTrees.Cgroup1Host, "stat"), cpus));
        Assert.Equal(new PerCpuTimes(1, new CpuTimes(14242, 0, 4104, 22244, 513, 0, 92, 220)), cpus[1]);
    }

    [Fact]
    public void Parses_this_machines_live_proc_stat()
    {
        var cpus = new PerCpuTimes[1024];
        var count = PerCpuStatParser.Parse(File.ReadAllBytes("/proc/stat"), cpus);
        Assert.Equal(Environment.ProcessorCount, count);
        Assert.All(cpus[..count], c => Assert.True(c.Times.Total > 0));
    }

    [Fact]
    public void Says_how_many_lines_there_are_when_the_array_is_too_small()
    {
        var cpus = new PerCpuTimes[4];
        Assert.Equal(16, PerCpuStatParser.Parse(TestTrees.ProcBytes(TestTrees.Cgroup2Host, "stat"), cpus));
        Assert.Equal(3, cpus[3].Cpu);
    }

    [Fact]
    public void Keeps_the_numbers_of_cpus_after_an_offline_one_and_skips_garbage_lines()
    {
        var text = "cpu  9 9 9 9\ncpu0 1 2 3 4\ncpuX 1 2 3 4\ncpu1 1 2\ncpu3 5 6 7 8 9 10 11 12\ncpu4 1 2 3 99999999999999999999999\n"u8;
        var cpus = new PerCpuTimes[8];
        Assert.Equal(2, PerCpuStatParser.Parse(text, cpus));
        Assert.Equal(0, cpus[0].Cpu);
        Assert.Equal(new PerCpuTimes(3, new CpuTimes(5, 6, 7, 8, 9, 10, 11, 12)), cpus[1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cpu  1 2 3 4\nintr 5\n")]
    [InlineData("\0\xff\ncpu")]
    public void Finds_no_cpus_in_what_has_none(string text)
    {
        Assert.Equal(0, PerCpuStatParser.Parse(Encoding.Latin1.GetBytes(text), new PerCpuTimes[4]));
    }
}

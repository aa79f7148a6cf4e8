using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Procfs;

public class PressureParserTests
{
    [Fact]
    public void Parses_the_cgroup1_hosts_stalled_cpu()
    {
        Assert.True(PressureParser.TryParse(TestTrees.ProcBytes(TestTrees.Cgroup1Host, "pressure/cpu"), out var cpu));
        Assert.Equal(new PressureLine(40.55, 19.88, 11.78, 58743256), cpu.Some);
        Assert.Equal(new PressureLine(0, 0, 0, 0), cpu.Full);
    }

    [Fact]
    public void Parses_the_cgroup2_hosts_io_and_memory()
    {
        Assert.True(PressureParser.TryParse(TestTrees.ProcBytes(TestTrees.Cgroup2Host, "pressure/io"), out var io));
        Assert.Equal(new PressureLine(4.55, 0.97, 0.20, 647676), io.Some);
        Assert.Equal(new PressureLine(4.52, 0.94, 0.20, 643696), io.Full);
        Assert.True(PressureParser.TryParse(TestTrees.ProcBytes(TestTrees.Cgroup2Host, "pressure/memory"), out var memory));
        Assert.Equal(0UL, memory.Some.TotalMicroseconds);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("memory")]
    [InlineData("io")]
    public void Parses_this_machines_live_pressure(string resource)
    {
        var path = "/proc/pressure/" + resource;
        var earlier = File.ReadAllText(path).Split('\n')[0];
        Assert.True(PressureParser.TryParse(File.ReadAllBytes(path), out var pressure));
        var earlierTotal = ulong.Parse(earlier[(earlier.IndexOf("total=", StringComparison.Ordinal) + 6)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(pressure.Some.TotalMicroseconds, earlierTotal, ulong.MaxValue); // stall time only grows
        Assert.InRange(pressure.Some.Avg10, 0, 100);
    }

    [Fact]
    public void An_old_kernels_cpu_file_without_a_full_line_still_parses()
    {
        Assert.True(PressureParser.TryParse("some avg10=1.50 avg60=1.00 avg300=0.50 total=12345\n"u8, out var cpu));
        Assert.Equal(1.5, cpu.Some.Avg10);
        Assert.Null(cpu.Full);
    }

    [Theory]
    [InlineData("")]
    [InlineData("full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n")]   // no some line
    [InlineData("some avg10=0.00 avg60")]                                // truncated
    [InlineData("some avg10=abc avg60=0.00 avg300=0.00 total=0\n")]      // garbage
    [InlineData("some avg10=101.00 avg60=0.00 avg300=0.00 total=0\n")]   // more than all the time
    [InlineData("some avg10=-1 avg60=0.00 avg300=0.00 total=0\n")]
    [InlineData("some avg10=0.00 avg60=0.00 avg300=0.00 total=99999999999999999999999\n")]
    [InlineData("some avg10=0.00 avg60=0.00 avg300=0.00\n")]              // no total
    [InlineData("\xff\xfe\0")]
    public void Rejects_what_is_not_a_pressure_file(string text)
    {
        Assert.False(PressureParser.TryParse(Encoding.Latin1.GetBytes(text), out _));
    }
}

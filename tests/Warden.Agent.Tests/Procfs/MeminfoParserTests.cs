using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Procfs;

public class MeminfoParserTests
{
    [Theory]
    [InlineData(TestTrees.Cgroup2Host, 131981020UL, 131506408UL, 130756256UL)]
    [InlineData(TestTrees.Cgroup1Host, 24684092UL, 23565908UL, 22461660UL)]
    public void Parses_both_fixture_hosts(string host, ulong totalKb, ulong availableKb, ulong freeKb)
    {
        Assert.True(MeminfoParser.TryParse(TestTrees.ProcBytes(host, "meminfo"), out var info));
        Assert.Equal(totalKb * 1024, info.TotalBytes);
        Assert.Equal(availableKb * 1024, info.AvailableBytes);
        Assert.Equal(freeKb * 1024, info.FreeBytes);
        Assert.Equal(0UL, info.SwapUsedBytes);
        Assert.Equal(100.0 * (1 - (double)availableKb / totalKb), info.UsedPct, 9);
    }

    [Fact]
    public void Parses_this_machines_live_meminfo_like_the_kernel_reports_it()
    {
        Assert.True(MeminfoParser.TryParse(File.ReadAllBytes("/proc/meminfo"), out var info));
        // MemTotal changes only with memory hotplug; compare with a separate read of the same key.
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kb = ulong.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(kb * 1024, info.TotalBytes);
        Assert.InRange(info.AvailableBytes, 1UL, info.TotalBytes);
    }

    [Fact]
    public void A_kernel_without_MemAvailable_gets_the_old_estimate()
    {
        var text = "MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 50 kB\nCached: 200 kB\n"u8;
        Assert.True(MeminfoParser.TryParse(text, out var info));
        Assert.Equal(350UL * 1024, info.AvailableBytes);
    }

    [Fact]
    public void Absurd_values_saturate_instead_of_wrapping()
    {
        var text = "MemTotal: 18446744073709551615 kB\nMemFree: 1 kB\nMemAvailable: 18446744073709551615 kB\n"u8;
        Assert.True(MeminfoParser.TryParse(text, out var info));
        Assert.Equal(ulong.MaxValue, info.TotalBytes);
        Assert.Equal(ulong.MaxValue, info.AvailableBytes);
    }

    [Fact]
    public void Garbage_lines_are_skipped_and_known_keys_still_read()
    {
        var text = "garbage\n:::\nMemTotal: 2048 kB\nMemFree: nonsense kB\nMemFree: 1024 kB\n\xff\xfe\n"u8.ToArray();
        Assert.True(MeminfoParser.TryParse(text, out var info));
        Assert.Equal(2048UL * 1024, info.TotalBytes);
        Assert.Equal(1024UL * 1024, info.FreeBytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MemTotal: 1000 kB\n")]                 // truncated before MemFree
    [InlineData("MemTotal: 0 kB\nMemFree: 0 kB\n")]     // a zero total would divide by zero
    [InlineData("MemTot")]
    public void Rejects_incomplete_meminfo(string text)
    {
        Assert.False(MeminfoParser.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }
}

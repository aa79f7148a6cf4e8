using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Procfs;

public class FileNrParserTests
{
    [Theory]
    [InlineData(TestTrees.Cgroup2Host, 78UL, 13195538UL)]
    [InlineData(TestTrees.Cgroup1Host, 939UL, 2466177UL)]
    public void Parses_both_fixture_hosts(string host, ulong allocated, ulong max)
    {
        Assert.True(FileNrParser.TryParse(TestTrees.ProcBytes(host, "sys/fs/file-nr"), out var handles));
        Assert.Equal(new FileHandles(allocated, 0, max), handles);
        Assert.Equal(100.0 * allocated / max, handles.UsedPct, 9);
    }

    [Fact]
    public void Parses_this_machines_live_file_nr_with_the_same_maximum_as_file_max()
    {
        Assert.True(FileNrParser.TryParse(File.ReadAllBytes("/proc/sys/fs/file-nr"), out var handles));
        var max = ulong.Parse(File.ReadAllText("/proc/sys/fs/file-max").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(max, handles.Max);
        Assert.True(handles.Allocated > 0);
    }

    [Fact]
    public void A_maximum_of_long_max_is_read_and_the_share_stays_tiny()
    {
        Assert.True(FileNrParser.TryParse("1000\t0\t9223372036854775807\n"u8, out var handles));
        Assert.InRange(handles.UsedPct, 0, 1e-12);
    }

    [Fact]
    public void A_zero_maximum_has_no_share()
    {
        Assert.True(FileNrParser.TryParse("5\t0\t0\n"u8, out var handles));
        Assert.True(double.IsNaN(handles.UsedPct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("78\t0")]
    [InlineData("a\tb\tc")]
    [InlineData("-1\t0\t100")]
    [InlineData("1\t0\t99999999999999999999999")]
    public void Rejects_what_is_not_file_nr(string text)
    {
        Assert.False(FileNrParser.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }
}

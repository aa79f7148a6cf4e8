using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Procfs;

public class LoadAvgParserTests
{
    [Fact]
    public void Parses_both_fixture_hosts()
    {
        Assert.True(LoadAvgParser.TryParse(TestTrees.ProcBytes(TestTrees.Cgroup1Host, "loadavg"), out var one));
        Assert.Equal(new LoadAvg(1.57, 0.98, 0.45, 2, 133), one);
        Assert.True(LoadAvgParser.TryParse(TestTrees.ProcBytes(TestTrees.Cgroup2Host, "loadavg"), out var two));
        Assert.Equal(new LoadAvg(0.08, 0.02, 0.01, 1, 200), two);
    }

    [Fact]
    public void Parses_this_machines_live_loadavg()
    {
        var text = File.ReadAllBytes("/proc/loadavg");
        Assert.True(LoadAvgParser.TryParse(text, out var load));
        var expected = double.Parse(Encoding.ASCII.GetString(text).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, load.One);
        Assert.True(load.Tasks > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0.20 0.18")]
    [InlineData("abc def ghi 1/2 3")]
    [InlineData("-1.0 0.1 0.1 1/2 3")]
    [InlineData("NaN 0.1 0.1 1/2 3")]
    [InlineData("1e400 0.1 0.1 1/2 3")]
    public void Rejects_garbage(string text)
    {
        Assert.False(LoadAvgParser.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void A_missing_task_field_still_gives_the_load()
    {
        Assert.True(LoadAvgParser.TryParse("0.5 0.4 0.3"u8, out var load));
        Assert.Equal(0.5, load.One);
        Assert.Equal(0u, load.Tasks);
    }
}

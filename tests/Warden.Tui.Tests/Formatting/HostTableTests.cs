using Warden.Tui.Formatting;
using Warden.Tui.Tests.Fixtures;

namespace Warden.Tui.Tests.Formatting;

public sealed class HostTableTests
{
    [Fact]
    public void Prints_a_header_then_hosts_sorted_by_name()
    {
        string[] lines = Lines(HostTable.Render([Hosts.Web01(), Hosts.Db02()], Hosts.ServerTime));

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("HOST", lines[0]);
        Assert.StartsWith("db-02", lines[1]);
        Assert.StartsWith("web-01", lines[2]);
    }

    [Fact]
    public void Left_aligned_columns_start_under_their_headers()
    {
        string[] lines = Lines(HostTable.Render([Hosts.Web01(), Hosts.Db02()], Hosts.ServerTime));

        foreach (string header in new[] { "STATE", "LAST SEEN", "LOAD", "AGENT" })
        {
            int column = lines[0].IndexOf(header, StringComparison.Ordinal);
            Assert.All(lines.Skip(1), line =>
            {
                Assert.NotEqual(' ', line[column]);
                Assert.Equal(' ', line[column - 1]);
            });
        }
    }

    [Fact]
    public void Percentages_are_right_aligned_under_their_headers()
    {
        string[] lines = Lines(HostTable.Render([Hosts.Web01(), Hosts.Db02()], Hosts.ServerTime));
        int cpuEnd = lines[0].IndexOf("CPU%", StringComparison.Ordinal) + "CPU%".Length - 1;

        Assert.Equal('3', lines[2][cpuEnd]);
        Assert.Equal('-', lines[1][cpuEnd]);
    }

    [Fact]
    public void Missing_readings_print_a_dash()
    {
        string db = Lines(HostTable.Render([Hosts.Db02()], Hosts.ServerTime))[1];

        Assert.Equal(["db-02", "disconnected", "-", "-", "2m", "-", "-", "-", "0.0.9"], db.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void No_hosts_prints_only_the_header() =>
        Assert.Equal(["HOST  STATE  HEALTH  WORST  LAST SEEN  CPU%  MEM%  LOAD  AGENT"], Lines(HostTable.Render([], Hosts.ServerTime)));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

using System.Text;
using Warden.Agent.Services;

namespace Warden.Agent.Tests.Services;

public class ProcessMatcherTests
{
    [Theory]
    [InlineData("java*app.jar*", "java -Xmx1g -jar /srv/app.jar --port 80", true)]
    [InlineData("java*app.jar", "java -Xmx1g -jar /srv/app.jar --port 80", false)]
    [InlineData("*worker ?", "python3 worker 7", true)]
    [InlineData("*worker ?", "python3 worker 17", false)]
    [InlineData("*", "", true)]
    [InlineData("", "x", false)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    public void Globs_match_the_whole_command_line(string glob, string cmdline, bool expected)
    {
        Assert.Equal(expected, ProcessMatcher.ByCmdlineGlob(glob).MatchesCmdline(cmdline));
    }

    [Fact]
    public void Regexes_match_anywhere_unless_anchored()
    {
        Assert.True(ProcessMatcher.ByCmdlineRegex("worker [0-9]+$").MatchesCmdline("python3 -m worker 12"));
        Assert.False(ProcessMatcher.ByCmdlineRegex("^worker").MatchesCmdline("python3 -m worker 12"));
        Assert.ThrowsAny<ArgumentException>(() => ProcessMatcher.ByCmdlineRegex("(unclosed"));
    }

    [Fact]
    public void Names_longer_than_the_kernel_keeps_match_by_their_first_15_bytes()
    {
        var matcher = ProcessMatcher.ByName("systemd-resolved-extra");
        Assert.True(matcher.MatchesComm("systemd-resolve"u8));
        Assert.False(matcher.MatchesComm("systemd-resolved-extra"u8));
        Assert.False(ProcessMatcher.ByName("nginx").MatchesComm("nginx: worker"u8));
        Assert.True(ProcessMatcher.ByName("my) (odd) proc").MatchesComm(Encoding.UTF8.GetBytes("my) (odd) proc")));
    }
}

using Warden.Agent.Hosting;

namespace Warden.Agent.Tests.Hosting;

public class StartupPagesTests
{
    [Fact]
    public void Only_the_executables_own_mappings_are_taken_whatever_the_column_padding()
    {
        string[] maps =
        [
            "55f07171f000-55f071735000 r--p 00000000 fd:01 1234                       /usr/bin/warden agent",
            "55f071735000-55f071d7c000 r-xp 00016000 fd:01 1234                       /usr/bin/warden agent",
            "55f07230a000-55f0725e6000 rw-p 00000000 00:00 0 ",
            "7fcd0ccca000-7fcd0ce20000 r-xp 00028000 fd:01 99                         /usr/lib/x86_64-linux-gnu/libc.so.6",
            "7fcd0cf00000-7fcd0cf01000 r--p 00000000 fd:01 77                         /usr/bin/warden agent (deleted)",
            "garbage",
            "zz-10 r--p 0 0 0 /usr/bin/warden agent",
        ];

        var mappings = StartupPages.MappingsOf(maps, "/usr/bin/warden agent").Select(m => ((ulong)m.Start, (ulong)m.Length));

        Assert.Equal([(0x55f07171f000UL, 0x16000UL), (0x55f071735000UL, 0x647000UL)], mappings);
    }

    [Fact]
    public void Releasing_this_processs_executable_pages_reports_what_it_did()
    {
        var outcome = StartupPages.Release();

        Assert.Null(outcome.Problem);
        Assert.True(outcome.Mappings > 0, "the test host's executable is mapped");
        Assert.True(outcome.FileKbBefore > 0);
    }

    [Fact]
    public void An_executable_that_is_not_mapped_is_reported_not_ignored()
    {
        var outcome = StartupPages.Release(executable: "/nonexistent/warden-agent");

        Assert.Equal(0, outcome.Mappings);
        Assert.Equal("no mapping of /nonexistent/warden-agent in /proc/self/maps", outcome.Problem);
    }
}

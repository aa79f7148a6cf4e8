using Warden.Agent.Hosting;

namespace Warden.Agent.Tests.Hosting;

public class AgentLoggingTests
{
    [Theory]
    [InlineData("Auto", null, "simple")]
    [InlineData("Auto", "8:12345", "systemd")]
    [InlineData("auto", "", "simple")]
    [InlineData("Json", "8:12345", "json")]
    [InlineData("Simple", "8:12345", "simple")]
    [InlineData("SYSTEMD", null, "systemd")]
    public void Auto_uses_level_prefixes_only_when_systemd_captures_the_output(string format, string? journalStream, string expected) =>
        Assert.Equal(expected, AgentLogging.Resolve(format, name => name == "JOURNAL_STREAM" ? journalStream : null));
}

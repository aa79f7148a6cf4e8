using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Hosting;

namespace Warden.Agent.Tests.Hosting;

public class ConsoleLogTests
{
    private readonly StringWriter _output = new();

    [Fact]
    public void A_terminal_line_has_a_timestamp_the_level_the_category_and_the_event_id()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 4, 56, 42, 123, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var logger = new ConsoleLog(_output, journal: false, time).For<ConsoleLogTests>();

        logger.LogWarning(new EventId(11), "aggregator {Endpoint} unreachable", "http://a:7400");

        Assert.Equal("2026-11-23T04:56:42.123+00:00 warn: Warden.Agent.Tests.Hosting.ConsoleLogTests[11] aggregator http://a:7400 unreachable"
            + Environment.NewLine, _output.ToString());
    }

    [Fact]
    public void Under_journald_a_line_starts_with_its_syslog_priority_and_has_no_timestamp()
    {
        var logger = new ConsoleLog(_output, journal: true, TimeProvider.System).For("agent");

        logger.LogError(new EventId(32), "spool: {Error}", "disk full");
        logger.LogInformation(new EventId(1), "starting");

        Assert.Equal(["<3>agent[32] spool: disk full", "<6>agent[1] starting"], _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Debug_messages_are_not_written_and_an_exception_follows_its_line()
    {
        var logger = new ConsoleLog(_output, journal: true, TimeProvider.System).For("agent");

        logger.LogDebug("noise");
        logger.LogCritical(new EventId(23), new InvalidOperationException("boom"), "stopped");

        var lines = _output.ToString().Split(Environment.NewLine);
        Assert.Equal("<2>agent[23] stopped", lines[0]);
        Assert.StartsWith("System.InvalidOperationException: boom", lines[1], StringComparison.Ordinal);
        Assert.False(logger.IsEnabled(LogLevel.Debug));
    }
}

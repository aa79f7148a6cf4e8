using System.Text.Json;
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
        var logger = new ConsoleLog(_output, "simple", time).For<ConsoleLogTests>();

        logger.LogWarning(new EventId(11), "aggregator {Endpoint} unreachable", "http://a:7400");

        Assert.Equal("2026-11-23T04:56:42.123+00:00 warn: Warden.Agent.Tests.Hosting.ConsoleLogTests[11] aggregator http://a:7400 unreachable"
            + Environment.NewLine, _output.ToString());
    }

    [Fact]
    public void Under_journald_a_line_starts_with_its_syslog_priority_and_has_no_timestamp()
    {
        var logger = new ConsoleLog(_output, "systemd", TimeProvider.System).For("agent");

        logger.LogError(new EventId(32), "spool: {Error}", "disk full");
        logger.LogInformation(new EventId(1), "starting");

        Assert.Equal(["<3>agent[32] spool: disk full", "<6>agent[1] starting"], _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Debug_messages_are_not_written_and_an_exception_follows_its_line()
    {
        var logger = new ConsoleLog(_output, "systemd", TimeProvider.System).For("agent");

        logger.LogDebug("noise");
        logger.LogCritical(new EventId(23), new InvalidOperationException("boom"), "stopped");

        var lines = _output.ToString().Split(Environment.NewLine);
        Assert.Equal("<2>agent[23] stopped", lines[0]);
        Assert.StartsWith("System.InvalidOperationException: boom", lines[1], StringComparison.Ordinal);
        Assert.False(logger.IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public void A_json_line_is_one_object_with_the_level_the_category_the_message_and_the_values()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 4, 56, 42, 123, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var logger = new ConsoleLog(_output, "json", time).For("agent");

        logger.LogWarning(new EventId(11), "aggregator {Endpoint} unreachable", "http://a:7400");

        var lines = _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        using var json = JsonDocument.Parse(Assert.Single(lines));
        var root = json.RootElement;
        Assert.Equal("2026-11-23T04:56:42.123+00:00", root.GetProperty("Timestamp").GetString());
        Assert.Equal(11, root.GetProperty("EventId").GetInt32());
        Assert.Equal("Warning", root.GetProperty("LogLevel").GetString());
        Assert.Equal("agent", root.GetProperty("Category").GetString());
        Assert.Equal("aggregator http://a:7400 unreachable", root.GetProperty("Message").GetString());
        Assert.Equal("http://a:7400", root.GetProperty("State").GetProperty("Endpoint").GetString());
    }

    [Fact]
    public void The_minimum_level_leaves_out_what_is_below_it_and_lets_debug_through_when_asked()
    {
        var warnings = new ConsoleLog(_output, "systemd", TimeProvider.System, LogLevel.Warning).For("agent");
        warnings.LogInformation("left out");
        warnings.LogWarning("kept");
        var debug = new ConsoleLog(_output, "systemd", TimeProvider.System, LogLevel.Debug).For("agent");
        debug.LogDebug("detail");

        Assert.Equal(["<4>agent[0] kept", "<7>agent[0] detail"], _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}

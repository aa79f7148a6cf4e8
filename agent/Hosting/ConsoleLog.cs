using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Warden.Agent.Hosting;

/// <summary>
/// The agent's log: one line per message on stdout, from <c>minimum</c> up, in one of three formats
/// (<see cref="AgentLogging.Resolve"/>): "systemd" starts each line with its syslog priority ("&lt;4&gt;")
/// and has no timestamp, since journald adds both; "json" writes one object per line (Timestamp,
/// EventId, LogLevel, Category, Message, Exception, State); "simple" reads
/// "2026-11-23T04:56:42.123+00:00 warn: Category[11] message". A small hand-written logger instead
/// of Microsoft.Extensions.Logging.Console keeps the Native AOT binary and its resident memory small.
/// </summary>
internal sealed class ConsoleLog(TextWriter output, string format, TimeProvider time, LogLevel minimum = LogLevel.Information)
{
    private const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffzzz";
    private readonly Lock _gate = new();

    public ILogger<T> For<T>() => new Logger<T>(this, typeof(T).FullName ?? typeof(T).Name);

    public ILogger For(string category) => new Logger<ConsoleLog>(this, category);

    private bool IsJson => format == "json";

    private bool IsEnabled(LogLevel level) => level >= minimum && level < LogLevel.None;

    private void Write(LogLevel level, string category, EventId id, string message, Exception? exception,
        IReadOnlyList<KeyValuePair<string, object?>>? state)
    {
        var line = format switch
        {
            "systemd" => WithException($"<{Priority(level)}>{category}[{id.Id}] {message}", exception),
            "json" => Json(level, category, id, message, exception, state),
            _ => WithException($"{Now()} {Short(level)}: {category}[{id.Id}] {message}", exception),
        };
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private string Now() => time.GetLocalNow().ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private static string WithException(string line, Exception? exception) =>
        exception is null ? line : $"{line}{Environment.NewLine}{exception}";

    private string Json(LogLevel level, string category, EventId id, string message, Exception? exception,
        IReadOnlyList<KeyValuePair<string, object?>>? state)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Timestamp", Now());
            json.WriteNumber("EventId", id.Id);
            json.WriteString("LogLevel", level.ToString());
            json.WriteString("Category", category);
            json.WriteString("Message", message);
            if (exception is not null)
            {
                json.WriteString("Exception", exception.ToString());
            }
            if (state is { Count: > 0 })
            {
                json.WriteStartObject("State");
                foreach (var (key, value) in state)
                {
                    json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Short(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    // sd-daemon(3) priorities: 2 crit, 3 err, 4 warning, 6 info, 7 debug.
    private static int Priority(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => 7,
        LogLevel.Information => 6,
        LogLevel.Warning => 4,
        LogLevel.Error => 3,
        _ => 2,
    };

    private sealed class Logger<T>(ConsoleLog log, string category) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => log.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var values = log.IsJson ? state as IReadOnlyList<KeyValuePair<string, object?>> : null;
                log.Write(logLevel, category, eventId, formatter(state, exception), exception, values);
            }
        }
    }
}

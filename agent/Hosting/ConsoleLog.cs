using Microsoft.Extensions.Logging;

namespace Warden.Agent.Hosting;

/// <summary>
/// The agent's log: one line per message on stdout, Information and up. Under systemd (JOURNAL_STREAM
/// set) each line starts with its syslog priority ("&lt;4&gt;") and has no timestamp, since journald
/// adds both; elsewhere it reads "2026-11-23T04:56:42.123+00:00 warn: Category[11] message". A small
/// hand-written logger instead of Microsoft.Extensions.Logging.Console keeps the Native AOT binary
/// and its resident memory small (issue 3's footprint target).
/// </summary>
internal sealed class ConsoleLog(TextWriter output, bool journal, TimeProvider time)
{
    private readonly Lock _gate = new();

    public static ConsoleLog ForThisProcess(TimeProvider time) =>
        new(Console.Out, !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM")), time);

    public ILogger<T> For<T>() => new Logger<T>(this, typeof(T).FullName ?? typeof(T).Name);

    public ILogger For(string category) => new Logger<ConsoleLog>(this, category);

    internal void Write(LogLevel level, string category, EventId id, string message, Exception? exception)
    {
        var line = journal
            ? $"<{Priority(level)}>{category}[{id.Id}] {message}"
            : $"{time.GetLocalNow():yyyy-MM-ddTHH:mm:ss.fffzzz} {Short(level)}: {category}[{id.Id}] {message}";
        lock (_gate)
        {
            output.WriteLine(exception is null ? line : $"{line}{Environment.NewLine}{exception}");
            output.Flush();
        }
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

    // sd-daemon(3) priorities: 3 err, 4 warning, 6 info, 7 debug.
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

        public bool IsEnabled(LogLevel logLevel) => logLevel is >= LogLevel.Information and < LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Write(logLevel, category, eventId, formatter(state, exception), exception);
            }
        }
    }
}

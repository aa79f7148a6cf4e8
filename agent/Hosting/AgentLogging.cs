using Warden.Agent.Configuration;

namespace Warden.Agent.Hosting;

/// <summary>
/// One line per event, for journald: sd-daemon "&lt;N&gt;" level prefixes when systemd captures the
/// output ($JOURNAL_STREAM), a timestamped line otherwise, or one JSON object per line.
/// </summary>
internal static class AgentLogging
{
    /// <summary>The agent's log on stdout, as Logging:Format and Logging:Level ask.</summary>
    public static ConsoleLog Create(LoggingOptions options, Func<string, string?> environment, TimeProvider time) =>
        new(Console.Out, Resolve(options.Format, environment), time, options.MinimumLevel);

    /// <summary>"simple", "systemd" or "json" for a Logging:Format value.</summary>
    public static string Resolve(string format, Func<string, string?> environment) => format.ToLowerInvariant() switch
    {
        "auto" => string.IsNullOrEmpty(environment("JOURNAL_STREAM")) ? "simple" : "systemd",
        var other => other,
    };
}

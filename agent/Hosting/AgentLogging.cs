using Microsoft.Extensions.Logging;
using Warden.Agent.Configuration;

namespace Warden.Agent.Hosting;

/// <summary>
/// One line per event, for journald: sd-daemon "&lt;N&gt;" level prefixes when systemd captures the
/// output ($JOURNAL_STREAM), a timestamped line otherwise, or one JSON object per line.
/// </summary>
internal static class AgentLogging
{
    public static void Configure(ILoggingBuilder logging, LoggingOptions options, Func<string, string?> environment)
    {
        logging.ClearProviders();
        switch (Resolve(options.Format, environment))
        {
            case "systemd":
                // journald stamps each line itself.
                logging.AddSystemdConsole(console => console.TimestampFormat = null);
                break;
            case "json":
                logging.AddJsonConsole(console =>
                {
                    console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffzzz";
                    console.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
                });
                break;
            default:
                logging.AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffzzz ";
                });
                break;
        }
        logging.SetMinimumLevel(options.MinimumLevel);
    }

    /// <summary>"simple", "systemd" or "json" for a Logging:Format value.</summary>
    public static string Resolve(string format, Func<string, string?> environment) => format.ToLowerInvariant() switch
    {
        "auto" => string.IsNullOrEmpty(environment("JOURNAL_STREAM")) ? "simple" : "systemd",
        var other => other,
    };
}

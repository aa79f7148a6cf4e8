using static System.FormattableString;

namespace Warden.Agent.Checks.Exec;

/// <summary>
/// Turns a plugin run into a result by the Nagios convention: exit 0 OK, 1 WARNING, 2 CRITICAL,
/// 3 UNKNOWN, anything else UNKNOWN. The value is the first perfdata value, NaN without one.
/// </summary>
internal static class PluginVerdict
{
    public static (CheckResult Result, PluginOutput Output) Judge(PluginRun run, TimeSpan timeout)
    {
        if (run.TimedOut)
        {
            return (CheckResult.Unknown(Invariant($"timed out after {timeout.TotalSeconds:0.#} s; the plugin and its children were killed")), Empty);
        }
        if (run.ExitCode is not { } exitCode)
        {
            return (CheckResult.Unknown($"could not start the plugin: {run.Error}"), Empty);
        }
        var output = PluginOutput.Parse(run.Output);
        var first = output.PerfData.Count > 0 ? output.PerfData[0] : null;
        var value = first?.Value ?? double.NaN;
        var threshold = first is null || (first.Warn.Length == 0 && first.Crit.Length == 0)
            ? ""
            : $"{first.Label}: warn {Or(first.Warn)}, crit {Or(first.Crit)}";
        var text = output.Text.Length > 0 ? output.Text
            : run.Error.Length > 0 ? run.Error
            : "the plugin printed nothing";
        var status = exitCode switch
        {
            0 => CheckStatus.Ok,
            1 => CheckStatus.Warn,
            2 => CheckStatus.Crit,
            _ => CheckStatus.Unknown,
        };
        var reason = exitCode is >= 0 and <= 3 ? text : Invariant($"exit code {exitCode} is not a plugin state: {text}");
        return (new CheckResult(status, value, threshold, reason), output);
    }

    private static PluginOutput Empty { get; } = new("", "", []);

    private static string Or(string range) => range.Length == 0 ? "none" : range;
}

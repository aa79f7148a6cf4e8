using Warden.Agent.Services;

namespace Warden.Agent.Checks.Service;

/// <summary>
/// "process_running": CRIT when fewer than Min processes match, WARN when more than Max; the value
/// is the number running.
/// </summary>
internal sealed class ProcessRunningCheck(ProcessCheckOptions options, ProcessTable processes) : ICheck
{
    public const string CheckName = "process_running";

    private readonly ProcessMatcher _matcher = ProcessRule.Matcher(options.ProcessName, options.Cmdline, options.CmdlineRegex)
        ?? throw new ArgumentException($"process rule '{options.Subject}' has no matcher", nameof(options));

    public string Name { get; } = $"{CheckName}:{options.Subject}";

    public Component Component => Component.Service;

    public TimeSpan Interval { get; } = TimeSpan.FromSeconds(options.IntervalSeconds);

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        CheckResult result;
        try
        {
            result = Judge(processes.Count(_matcher), options.Min, options.Max, _matcher.Description);
        }
        catch (IOException e)
        {
            result = CheckResult.Unknown($"process table could not be read: {e.Message}");
        }
        results.Add(new CheckOutcome(CheckName, options.Subject, Component.Service, result));
        return ValueTask.CompletedTask;
    }

    public static CheckResult Judge(ProcessCount count, int min, int? max, string matcher)
    {
        var rule = max is { } m ? $"min {min}, max {m}" : $"min {min}";
        var running = $"{count.Matched} running by {matcher}";
        if (count.Matched < min)
        {
            return new(CheckStatus.Crit, count.Matched, rule, $"{running}, fewer than {min}");
        }
        if (count.Matched > max)
        {
            return new(CheckStatus.Warn, count.Matched, rule, $"{running}, more than {max}");
        }
        return CheckResult.Ok(count.Matched, rule, count.Matched > 0 ? $"{running} (PID {count.FirstPid})" : running);
    }
}

using Warden.Agent.Services;

namespace Warden.Agent.Checks.Service;

/// <summary>One systemd unit, read through systemctl, or through its process where systemd does not run.</summary>
internal sealed class ServiceUnitCheck(
    UnitCheckOptions options, SystemctlReader systemctl, Func<bool> systemdRunning, ProcessTable processes) : ICheck
{
    public const string CheckName = "service_unit";

    private readonly ProcessMatcher? _fallback = ProcessRule.Matcher(options.ProcessName, options.Cmdline, options.CmdlineRegex);

    public string Name { get; } = $"{CheckName}:{options.Subject}";

    public Component Component => Component.Service;

    public TimeSpan Interval { get; } = TimeSpan.FromSeconds(options.IntervalSeconds);

    public async ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        results.Add(new CheckOutcome(CheckName, options.Subject, Component.Service, await JudgeAsync(cancellationToken).ConfigureAwait(false)));
    }

    private async ValueTask<CheckResult> JudgeAsync(CancellationToken cancellationToken)
    {
        if (systemdRunning())
        {
            var reading = await systemctl.ReadAsync(options.Unit, TimeSpan.FromSeconds(options.TimeoutSeconds), cancellationToken).ConfigureAwait(false);
            return reading.State is { } state ? ServiceUnitJudge.Judge(state) : CheckResult.Unknown(reading.Problem);
        }
        if (_fallback is null)
        {
            return CheckResult.Unknown($"systemd not running and {options.Unit} has no ProcessName, Cmdline or CmdlineRegex to judge it by");
        }
        try
        {
            return ServiceUnitJudge.JudgeByProcess(processes.Count(_fallback), _fallback.Description);
        }
        catch (IOException e)
        {
            return CheckResult.Unknown($"systemd not running and the process table could not be read: {e.Message}");
        }
    }
}

using Warden.Agent.Cgroups;
using Warden.Agent.Services;

namespace Warden.Agent.Checks.Service;

/// <summary>
/// One systemd unit, read through systemctl; where systemd does not run, through its process when a process rule
/// is set, else through its cgroup (system.slice/UNIT, read every cycle without allocating once warm).
/// </summary>
internal sealed class ServiceUnitCheck(
    UnitCheckOptions options, SystemctlReader systemctl, Func<bool> systemdRunning, ProcessTable processes,
    Func<CgroupStatsReader> cgroups) : ICheck
{
    public const string CheckName = "service_unit";

    private readonly ProcessMatcher? _fallback = ProcessRule.Matcher(options.ProcessName, options.Cmdline, options.CmdlineRegex);

    /// <summary>Where systemd puts the unit: "system.slice/nginx.service" (a bare name is a .service, as systemctl takes it).</summary>
    private readonly CgroupMembership _cgroup = CgroupMembership.Uniform(
        "system.slice/" + (options.Unit.Contains('.', StringComparison.Ordinal) ? options.Unit : options.Unit + ".service"));

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
            if (cgroups().TryCountProcesses(_cgroup, out var processes))
            {
                return ServiceUnitJudge.JudgeByCgroup(_cgroup.Primary, processes);
            }
            return CheckResult.Unknown(
                $"systemd not running, {options.Unit} has no cgroup at {_cgroup.Primary} and no ProcessName, Cmdline or CmdlineRegex to judge it by");
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

using Warden.Agent.Services;

namespace Warden.Agent.Checks.Service;

/// <summary>
/// "service_unit": CRIT when the unit failed, is inactive, masked or not found; WARN while it is
/// activating, deactivating or reloading; OK when active. The value is systemd's restart count.
/// Without systemd the unit is judged by its process (CRIT when none runs) or, with no process rule, by its
/// cgroup (CRIT when the cgroup holds no process).
/// </summary>
internal static class ServiceUnitJudge
{
    public const string Rule = "CRIT failed, inactive or not found; WARN activating, deactivating or reloading";

    public static CheckResult Judge(UnitState unit)
    {
        var restarts = unit.Restarts == 1 ? "1 restart" : $"{unit.Restarts} restarts";
        if (unit.LoadState == "not-found")
        {
            return new(CheckStatus.Crit, unit.Restarts, Rule, "unit not found");
        }
        if (unit.LoadState == "masked")
        {
            return new(CheckStatus.Crit, unit.Restarts, Rule, $"unit is masked ({unit.ActiveState})");
        }
        return unit.ActiveState switch
        {
            "active" => CheckResult.Ok(unit.Restarts, Rule, $"active ({unit.SubState}), main PID {unit.MainPid}, {restarts}"),
            "activating" or "deactivating" or "reloading" =>
                new(CheckStatus.Warn, unit.Restarts, Rule, $"{unit.ActiveState} ({unit.SubState}), {restarts}"),
            "failed" => new(CheckStatus.Crit, unit.Restarts, Rule,
                $"failed ({unit.SubState}): result {unit.Result}, exit status {unit.ExecMainStatus}, {restarts}"),
            "inactive" => new(CheckStatus.Crit, unit.Restarts, Rule, $"inactive ({unit.SubState}), result {unit.Result}"),
            _ => CheckResult.Unknown($"unrecognised ActiveState '{unit.ActiveState}'"),
        };
    }

    /// <summary>Where systemd does not run: the unit is up when at least one of its processes runs.</summary>
    public static CheckResult JudgeByProcess(ProcessCount count, string matcher)
    {
        var prefix = $"systemd not running; judged by process {matcher}";
        return count.Matched > 0
            ? CheckResult.Ok(count.Matched, "CRIT when no process runs", $"{prefix}: {count.Matched} running (PID {count.FirstPid})")
            : new(CheckStatus.Crit, 0, "CRIT when no process runs", $"{prefix}: none running");
    }

    /// <summary>Where systemd does not run and no process rule is set: the unit is up when its cgroup holds a process.</summary>
    public static CheckResult JudgeByCgroup(string path, ulong? processes)
    {
        const string Rule = "CRIT when its cgroup holds no process";
        return processes switch
        {
            null => CheckResult.Unknown($"systemd not running; cgroup {path} exists but its cgroup.procs could not be read"),
            0 => new(CheckStatus.Crit, 0, Rule, $"systemd not running; judged by cgroup {path}: no process in it"),
            { } n => CheckResult.Ok(n, Rule, $"systemd not running; judged by cgroup {path}: {n} processes"),
        };
    }
}

using System.Globalization;
using Warden.Agent.Cgroups;

namespace Warden.Agent.Healing;

/// <summary>Problems with one heal action's settings, each starting with its key below the action ("Command: ...").</summary>
internal static class HealActionProblems
{
    public const string Kinds = "restart-unit, run, signal, restart-process, drop-caches, clean-directory or kill-largest-in-cgroup";

    public static IEnumerable<string> Of(HealActionOptions a) => a.Kind switch
    {
        HealActionOptions.RestartUnit => string.IsNullOrWhiteSpace(a.Unit) ? ["Unit: must name the systemd unit to restart"] : [],
        HealActionOptions.Run => CommandProblems(a.Command),
        HealActionOptions.SendSignal => SignalProblems(a).Concat(string.IsNullOrWhiteSpace(a.ProcessName) ? ["ProcessName: must name the processes to signal"] : []),
        HealActionOptions.RestartProcess => RestartProcessProblems(a),
        HealActionOptions.DropCaches => a.Level is < 1 or > 3 ? [Say($"Level: {a.Level} must be 1 (page cache), 2 (dentries and inodes) or 3 (both)")] : [],
        HealActionOptions.CleanDirectory => CleanDirectoryProblems(a),
        HealActionOptions.KillLargestInCgroup => KillLargestProblems(a),
        _ => [$"Kind: '{a.Kind}' must be {Kinds}"],
    };

    private static IEnumerable<string> CommandProblems(string[] command)
    {
        if (command.Length == 0 || string.IsNullOrWhiteSpace(command[0]))
        {
            yield return "Command: must list the program and its arguments";
        }
        else if (!Path.IsPathFullyQualified(command[0]))
        {
            yield return $"Command: '{command[0]}' must be an absolute path; the agent runs it without a shell or PATH lookup";
        }
    }

    private static IEnumerable<string> SignalProblems(HealActionOptions a) => Signals.Number(a.EffectiveSignal) is null
        ? [$"Signal: '{a.Signal}' must be one of HUP, INT, QUIT, KILL, USR1, USR2, TERM, CONT, STOP"]
        : [];

    private static IEnumerable<string> RestartProcessProblems(HealActionOptions a)
    {
        var set = (string.IsNullOrEmpty(a.ProcessName) ? 0 : 1) + (string.IsNullOrEmpty(a.Cmdline) ? 0 : 1);
        IEnumerable<string> matcher = set == 1 ? []
            : [$"ProcessName: set exactly one of ProcessName ('{a.ProcessName}') and Cmdline ('{a.Cmdline}') to say which processes to stop"];
        var stop = a.StopSeconds > 0 && double.IsFinite(a.StopSeconds) ? [] : new[] { Say($"StopSeconds: {a.StopSeconds} must be a positive number of seconds") };
        return matcher.Concat(SignalProblems(a)).Concat(stop).Concat(CommandProblems(a.Command));
    }

    private static IEnumerable<string> CleanDirectoryProblems(HealActionOptions a)
    {
        if (string.IsNullOrWhiteSpace(a.Directory) || !Path.IsPathFullyQualified(a.Directory))
        {
            yield return $"Directory: '{a.Directory}' must be an absolute path";
        }
        else if (a.Directory.Trim('/').Length == 0 || a.Directory.Split('/').Any(s => s is ".." or "."))
        {
            yield return $"Directory: '{a.Directory}' must be a directory below /, without '.' or '..'";
        }
        if (string.IsNullOrWhiteSpace(a.Pattern) || a.Pattern.Contains('/', StringComparison.Ordinal))
        {
            yield return $"Pattern: '{a.Pattern}' must be a file name glob such as *.log (no '/')";
        }
        if (!(a.OlderThanMinutes >= 0) || double.IsInfinity(a.OlderThanMinutes))
        {
            yield return Say($"OlderThanMinutes: {a.OlderThanMinutes} must be zero or a positive number of minutes");
        }
        if (a.MaxBytes < 1)
        {
            yield return Say($"MaxBytes: {a.MaxBytes} must be a positive number of bytes");
        }
    }

    private static IEnumerable<string> KillLargestProblems(HealActionOptions a)
    {
        if (string.IsNullOrWhiteSpace(a.Cgroup) || CgroupHierarchy.Normalize(a.Cgroup) is not { Length: > 0 })
        {
            yield return $"Cgroup: '{a.Cgroup}' must name a cgroup below the root, such as system.slice/batch.service (no '..')";
        }
        foreach (var problem in SignalProblems(a))
        {
            yield return problem;
        }
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

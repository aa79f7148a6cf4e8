using System.Globalization;

namespace Warden.Agent.Checks.Exec;

/// <summary>
/// Operator-defined Nagios plugins. In the config file "Checks": { "Exec": [ {...}, {...} ] } is the
/// list itself, so it binds into <see cref="Checks"/>, and problems name "Checks:Exec:0:Command".
/// The default list is empty: the binder appends a file's list to a non-empty default.
/// </summary>
public sealed class ExecCheckOptions
{
    public const string Section = "Checks:Exec";

    public ExecPluginOptions[] Checks { get; set; } = [];

    /// <summary>Problems with the list, each naming its key under <paramref name="path"/> ("Checks:Exec:0:Command").</summary>
    internal IEnumerable<string> Problems(string path = Section)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Checks.Length; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{path}:{i}");
            var check = Checks[i];
            if (string.IsNullOrWhiteSpace(check.Name))
            {
                yield return $"{key}:Name: must be set; it names the check on this host";
            }
            else if (!names.Add(check.Name))
            {
                yield return $"{key}:Name: '{check.Name}' is used by an earlier exec check";
            }
            if (check.Command.Length == 0 || string.IsNullOrWhiteSpace(check.Command[0]))
            {
                yield return $"{key}:Command: must list the program and its arguments, e.g. [\"/usr/lib/nagios/plugins/check_load\", \"-w\", \"4,3,2\"]";
            }
            else if (!Path.IsPathFullyQualified(check.Command[0]))
            {
                yield return $"{key}:Command: '{check.Command[0]}' must be an absolute path; the agent runs it without a shell or PATH lookup";
            }
            if (!(check.IntervalSeconds > 0) || double.IsInfinity(check.IntervalSeconds))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{key}:IntervalSeconds: {check.IntervalSeconds} must be a positive number of seconds");
            }
            if (!(check.TimeoutSeconds > 0) || double.IsInfinity(check.TimeoutSeconds))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{key}:TimeoutSeconds: {check.TimeoutSeconds} must be a positive number of seconds");
            }
            else if (check.TimeoutSeconds > check.IntervalSeconds)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"{key}:TimeoutSeconds: {check.TimeoutSeconds} must not exceed IntervalSeconds {check.IntervalSeconds}, or runs would pile up");
            }
            if (!ExecPluginOptions.TryParseComponent(check.Component, out _))
            {
                yield return $"{key}:Component: '{check.Component}' must be one of system, storage, vm, network, service, security";
            }
        }
    }
}

namespace Warden.Agent.Checks.Exec;

/// <summary>
/// One entry of "Checks": { "Exec": [ ... ] }: a command run as a Nagios plugin, e.g.
/// { "Name": "load", "Command": [ "/usr/lib/nagios/plugins/check_load", "-w", "4,3,2", "-c", "8,6,4" ] }.
/// </summary>
public sealed class ExecPluginOptions
{
    /// <summary>The check's name, unique on the host; it becomes the check key.</summary>
    public string Name { get; set; } = "";

    /// <summary>Program (absolute path) and arguments, run directly without a shell.</summary>
    public string[] Command { get; set; } = [];

    public double IntervalSeconds { get; set; } = 60;

    /// <summary>The plugin and its children are killed after this long: UNKNOWN "timed out". Nagios' own default is 10 s.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>system, storage, vm, network, service or security: whose health score it counts toward.</summary>
    public string Component { get; set; } = "service";

    public bool Enabled { get; set; } = true;

    internal static bool TryParseComponent(string text, out Component component)
    {
        foreach (var candidate in (ReadOnlySpan<Component>)[Checks.Component.System, Checks.Component.Storage, Checks.Component.Vm,
            Checks.Component.Network, Checks.Component.Service, Checks.Component.Security])
        {
            if (string.Equals(CheckNames.Of(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                component = candidate;
                return true;
            }
        }
        component = default;
        return false;
    }
}

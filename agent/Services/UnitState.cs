namespace Warden.Agent.Services;

/// <summary>
/// What systemd says of one unit (systemd.unit(5), org.freedesktop.systemd1(5)). Strings are as
/// systemctl prints them ("active", "running", "loaded", "success"); empty when not printed.
/// </summary>
internal sealed record UnitState(
    string ActiveState,
    string SubState,
    string LoadState,
    string Result,
    int MainPid,
    long Restarts,
    int ExecMainStatus,
    string ControlGroup)
{
    /// <summary>The properties asked for, in the order systemctl is given them.</summary>
    public const string Properties = "ActiveState,SubState,LoadState,Result,MainPID,NRestarts,ExecMainStatus,ControlGroup";
}

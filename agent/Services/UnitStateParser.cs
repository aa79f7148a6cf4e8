using System.Globalization;

namespace Warden.Agent.Services;

/// <summary>
/// The output of "systemctl show UNIT --property=...": one "Key=value" per line, e.g.
/// "ActiveState=failed", "MainPID=0", "NRestarts=3". Unknown keys are ignored; a missing number is 0
/// and a missing or unparsable ActiveState or LoadState is no answer at all.
/// </summary>
internal static class UnitStateParser
{
    public static bool TryParse(ReadOnlySpan<char> text, out UnitState? state)
    {
        state = null;
        string active = "", sub = "", load = "", result = "", cgroup = "";
        int mainPid = 0, execStatus = 0;
        long restarts = 0;
        foreach (var range in text.Split('\n'))
        {
            var line = text[range].TrimEnd('\r');
            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }
            var key = line[..equals];
            var value = line[(equals + 1)..];
            switch (key)
            {
                case "ActiveState": active = value.ToString(); break;
                case "SubState": sub = value.ToString(); break;
                case "LoadState": load = value.ToString(); break;
                case "Result": result = value.ToString(); break;
                case "ControlGroup": cgroup = value.ToString(); break;
                case "MainPID": int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out mainPid); break;
                case "NRestarts": long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out restarts); break;
                case "ExecMainStatus": int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out execStatus); break;
            }
        }
        if (active.Length == 0 || load.Length == 0)
        {
            return false;
        }
        state = new UnitState(active, sub, load, result, mainPid, restarts, execStatus, cgroup);
        return true;
    }
}

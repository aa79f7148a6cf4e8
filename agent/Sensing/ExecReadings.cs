using Warden.Agent.Checks;
using Warden.Agent.Checks.Exec;
using Warden.Proto.V1;

namespace Warden.Agent.Sensing;

/// <summary>
/// The perfdata of each exec check's last run as readings: name "exec.CHECK", subject the perfdata
/// label, value in the plugin's own unit. A "U" (unknown) value is left out.
/// </summary>
internal static class ExecReadings
{
    public static void AddTo(SampleBatch batch, IReadOnlyList<ICheck> checks)
    {
        foreach (var check in checks)
        {
            if (check is not ExecPluginCheck exec)
            {
                continue;
            }
            foreach (var datum in exec.LastPerfData)
            {
                if (double.IsFinite(datum.Value))
                {
                    batch.Readings.Add(new Reading
                    {
                        Name = "exec." + exec.Name, Subject = datum.Label, Last = datum.Value, Min = datum.Value, Max = datum.Value, Count = 1,
                    });
                }
            }
        }
    }
}

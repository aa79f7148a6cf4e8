using Warden.Agent.Cgroups;
using Warden.Proto.V1;

namespace Warden.Agent.Sensing;

/// <summary>
/// Per service cgroup (system.slice/*.service) and per VM scope (machine.slice/*.scope) readings,
/// taken once per shipping window: gauges (memory, pids, pressure, OOM totals) as they stand at the
/// window's end, counters (CPU, throttling, I/O) as rates over the window. One read per window keeps
/// the every-second sensing pass free of the directory listing and the allocations a cgroup read takes.
/// Names are documented in readings.proto; the subject is the cgroup path.
/// </summary>
internal sealed class CgroupSensor(CgroupStatsReader reader, TimeProvider time)
{
    /// <summary>Where systemd puts services and libvirt's guests; each child cgroup is one subject.</summary>
    private static readonly (string Parent, string Suffix)[] Parents = [("system.slice", ".service"), ("machine.slice", ".scope")];

    private readonly Dictionary<string, (CgroupStats Stats, long Stamp)> _previous = new(StringComparer.Ordinal);

    /// <summary>Adds every cgroup's readings to <paramref name="batch"/>.</summary>
    public void AddTo(SampleBatch batch)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (parent, suffix) in Parents)
        {
            foreach (var path in reader.Hierarchy.Children(parent, suffix))
            {
                var stats = reader.Read(path);
                if (!stats.Exists || !seen.Add(path))
                {
                    continue;
                }
                var now = time.GetTimestamp();
                var before = _previous.TryGetValue(path, out var p) ? p.Stats : null;
                var seconds = before is null ? 0 : time.GetElapsedTime(p.Stamp, now).TotalSeconds;
                foreach (var (name, value) in CgroupReadings.Of(stats, before, seconds))
                {
                    batch.Readings.Add(new Reading { Name = name, Subject = path, Last = value, Min = value, Max = value, Count = 1 });
                }
                _previous[path] = (stats, now);
            }
        }
        foreach (var gone in _previous.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _previous.Remove(gone);
        }
    }
}

using Warden.Proto.V1;

namespace Warden.FleetSim;

/// <summary>
/// Plausible readings for one simulated host: CPU, memory, load and disks wander as random walks
/// around a per-host baseline; scores follow the checks the scenario has failed. Overrides pin a
/// reading to a value (a disk filling, a CPU saturated). <c>extraReadings</c> adds that many more,
/// as a host with more filesystems ships them: space, inodes, read and write IOPS per data mount.
/// </summary>
public sealed class ReadingModel(int seed, int cpus, int extraReadings = 0)
{
    /// <summary>How many readings a batch has without extras.</summary>
    public const int BaseReadings = 21;

    private static readonly string[] ExtraFamilies = ["disk.used_pct", "disk.inodes_used_pct", "disk.read_iops", "disk.write_iops"];

    private const double MemTotal = 16L << 30;
    private readonly Random _random = new(seed);
    private readonly Dictionary<(string Name, string Subject), double> _overrides = [];
    private double _cpu = 10 + seed % 40;
    private double _available = MemTotal * 0.6;
    private double _load = cpus * 0.3;
    private double _rootUsed = 40 + seed % 30;
    private double _varUsed = 20 + seed % 50;
    private readonly double[] _extra = [.. Enumerable.Range(0, extraReadings).Select(i => 10.0 + ((seed + i) % 60))];
    private readonly string[] _extraSubjects = [.. Enumerable.Range(0, extraReadings).Select(i => $"/data{i / ExtraFamilies.Length}")];

    public void Set(string name, string subject, double value)
    {
        lock (_overrides)
        {
            _overrides[(name, subject)] = value;
        }
    }

    public void Clear(string name, string subject)
    {
        lock (_overrides)
        {
            _overrides.Remove((name, subject));
        }
    }

    /// <summary>The next window's readings, with the scores of the given components (100 unless failed).</summary>
    public List<Reading> Next(IReadOnlyDictionary<string, double> componentScores)
    {
        _cpu = Walk(_cpu, 3, 0, 100);
        _available = Walk(_available, MemTotal * 0.02, MemTotal * 0.05, MemTotal * 0.95);
        _load = Walk(_load, 0.2, 0, cpus * 4);
        _rootUsed = Walk(_rootUsed, 0.05, 1, 99);
        _varUsed = Walk(_varUsed, 0.05, 1, 99);
        var list = new List<Reading>(BaseReadings + extraReadings)
        {
            R("cpu.busy_pct", _cpu),
            R("cpu.iowait_pct", _cpu * 0.05),
            R("cpu.steal_pct", 0),
            R("mem.total_bytes", MemTotal),
            R("mem.available_bytes", _available),
            R("mem.used_pct", 100 * (1 - _available / MemTotal)),
            R("swap.used_bytes", 0),
            R("load.1", _load),
            R("load.5", _load * 0.9),
            R("load.15", _load * 0.8),
            R("load.per_core", _load / cpus),
            R("disk.used_pct", _rootUsed, "/"),
            R("disk.used_pct", _varUsed, "/var"),
            R("agent.spool_records", 1),
            R("agent.spool_bytes", 4096),
        };
        var scores = new[] { "system", "storage", "network", "service", "security" }
            .Select(c => (c, componentScores.TryGetValue(c, out var s) ? s : 100)).ToList();
        list.AddRange(scores.Select(s => R("score." + s.c, s.Item2)));
        list.Add(R("score.host", scores.Average(s => s.Item2)));
        for (var i = 0; i < _extra.Length; i++)
        {
            _extra[i] = Walk(_extra[i], 0.5, 0, 100);
            list.Add(R(ExtraFamilies[i % ExtraFamilies.Length], _extra[i], _extraSubjects[i]));
        }
        lock (_overrides)
        {
            foreach (var reading in list)
            {
                if (_overrides.TryGetValue((reading.Name, reading.Subject), out var pinned))
                {
                    reading.Last = reading.Min = reading.Max = pinned;
                }
            }
        }
        return list;
    }

    private double Walk(double value, double step, double min, double max) => Math.Clamp(value + (_random.NextDouble() - 0.5) * 2 * step, min, max);

    private static Reading R(string name, double value, string subject = "") =>
        new() { Name = name, Subject = subject, Last = value, Min = value * 0.9, Max = value * 1.1, Count = 10 };
}

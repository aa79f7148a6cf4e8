using Warden.Proto.V1;

namespace Warden.Tui.Views.Host;

/// <summary>
/// A host's recent readings as series, one point per sample batch: seeded from GetHost's recent
/// window, then extended with each new latest batch the host feed pushes (WatchHosts, no polling).
/// Keeps the newest <see cref="Capacity"/> batches.
/// </summary>
internal sealed class ReadingHistory(int capacity = ReadingHistory.DefaultCapacity)
{
    public const int DefaultCapacity = 120;

    private readonly List<Dictionary<(string Name, string Subject), Reading>> _batches = [];
    private readonly List<(string Name, string Subject)> _keys = [];
    private readonly Dictionary<(string Name, string Subject), int> _counts = [];
    private IReadOnlyList<Reading>? _last;
    private IReadOnlyList<ReadingSeries>? _series;

    public int Batches => _batches.Count;

    /// <summary>GetHost's window replaces whatever was kept.</summary>
    public void Reset(IEnumerable<SampleBatch> recent)
    {
        _batches.Clear();
        _keys.Clear();
        _counts.Clear();
        _last = null;
        _series = null;
        foreach (SampleBatch batch in recent)
        {
            Append(batch.Readings);
        }
    }

    /// <summary>
    /// Adds one batch's readings as the newest points. The feed repeats the same latest readings when
    /// only events arrived, so a batch equal to the last one added is skipped; true when added.
    /// </summary>
    public bool Append(IReadOnlyList<Reading> readings)
    {
        if (readings.Count == 0 || (_last is not null && _last.SequenceEqual(readings)))
        {
            return false;
        }

        var batch = new Dictionary<(string, string), Reading>(readings.Count);
        foreach (Reading reading in readings)
        {
            if (batch.TryAdd((reading.Name, reading.Subject), reading) && Count((reading.Name, reading.Subject), +1) == 1)
            {
                _keys.Add((reading.Name, reading.Subject));
            }
        }

        _batches.Add(batch);
        if (_batches.Count > capacity)
        {
            foreach ((string, string) key in _batches[0].Keys)
            {
                if (Count(key, -1) == 0)
                {
                    _keys.Remove(key);
                }
            }

            _batches.RemoveAt(0);
        }

        _last = readings.ToList();
        _series = null;
        return true;
    }

    // How many kept batches have the key; a reading leaves the list with the last batch that had it.
    private int Count((string Name, string Subject) key, int change)
    {
        int count = _counts.GetValueOrDefault(key) + change;
        if (count == 0)
        {
            _counts.Remove(key);
        }
        else
        {
            _counts[key] = count;
        }

        return count;
    }

    /// <summary>One series per reading seen in the kept batches; a batch without the reading (or with count 0) is a missing point.</summary>
    public IReadOnlyList<ReadingSeries> Series() => _series ??= _keys.Select(Build).ToList();

    private ReadingSeries Build((string Name, string Subject) key)
    {
        var points = new double?[_batches.Count];
        double? min = null, max = null;
        for (int i = 0; i < points.Length; i++)
        {
            if (_batches[i].TryGetValue(key, out Reading? r) && r.Count > 0)
            {
                points[i] = r.Last;
                min = Math.Min(min ?? r.Min, r.Min);
                max = Math.Max(max ?? r.Max, r.Max);
            }
        }

        return new ReadingSeries(key.Name, key.Subject, points, points[^1], min, max);
    }
}

/// <summary>One reading over the kept batches: its points oldest first, the newest value, and the lowest and highest seen.</summary>
internal sealed record ReadingSeries(string Name, string Subject, IReadOnlyList<double?> Points, double? Last, double? Min, double? Max);

using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Storage;

/// <summary>
/// Whole disks from /proc/diskstats with their rates since the previous read. Partitions are told
/// by name, which needs no /sys: a device is a partition when a device listed before it (the kernel
/// lists a disk before its partitions) is its name less trailing digits ("sda1" of "sda") or less
/// "pN" when the disk's name ends in a digit ("nvme0n1p1", "mmcblk0p1"). Names with an ignored prefix
/// (loop, ram, zram, ...) are skipped. Disk objects and their names are made once per device.
/// </summary>
internal sealed class DiskStatsTable : IDisposable
{
    private readonly ProcFile _file;
    private readonly TimeProvider _time;
    private readonly byte[][] _ignoredPrefixes;
    private readonly Dictionary<string, Disk> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Disk>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<Disk> _current = [];
    private readonly List<string> _gone = [];
    private long _generation;

    public DiskStatsTable(string procRoot, TimeProvider time, IEnumerable<string> ignoredPrefixes)
    {
        _file = new ProcFile(Path.Combine(procRoot, "diskstats"), 16 * 1024);
        _time = time;
        _ignoredPrefixes = ignoredPrefixes.Select(Encoding.Latin1.GetBytes).ToArray();
        _lookup = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whole disks found by the last successful <see cref="Refresh"/>.</summary>
    public IReadOnlyList<Disk> Current => _current;

    /// <summary>Reads the counters and updates each disk's rates. False when the file is missing.</summary>
    /// <exception cref="IOException">The file exists but could not be read.</exception>
    public bool Refresh()
    {
        if (!_file.TryRead(out var text))
        {
            return false;
        }
        var now = _time.GetTimestamp();
        _generation++;
        _current.Clear();
        Span<char> name = stackalloc char[64];
        while (!text.IsEmpty)
        {
            if (!DiskStatsParser.TryParseLine(SpanFields.NextLine(ref text), out var raw, out var counters)
                || raw.Length > name.Length || Ignored(raw))
            {
                continue;
            }
            var chars = name[..Encoding.Latin1.GetChars(raw, name)];
            if (!_lookup.TryGetValue(chars, out var disk))
            {
                disk = new Disk(chars.ToString(), IsPartitionOfKnownDisk(chars));
                _byName.Add(disk.Name, disk);
            }
            else if (disk.Generation == _generation)
            {
                continue; // listed twice: the first line stands
            }
            else
            {
                disk.Rates = counters.RatesSince(disk.Counters, _time.GetElapsedTime(disk.Timestamp, now));
            }
            disk.Counters = counters;
            disk.Timestamp = now;
            disk.Generation = _generation;
            if (!disk.IsPartition)
            {
                _current.Add(disk);
            }
        }
        Forget();
        return true;
    }

    private bool Ignored(ReadOnlySpan<byte> name)
    {
        foreach (var prefix in _ignoredPrefixes)
        {
            if (name.StartsWith(prefix))
            {
                return true;
            }
        }
        return false;
    }

    private bool IsPartitionOfKnownDisk(ReadOnlySpan<char> name)
    {
        var stem = name.TrimEnd("0123456789");
        if (stem.Length == name.Length || stem.Length == 0)
        {
            return false;
        }
        if (IsCurrentDisk(stem))
        {
            return true;
        }
        return stem.Length > 1 && stem[^1] == 'p' && char.IsAsciiDigit(stem[^2]) && IsCurrentDisk(stem[..^1]);
    }

    private bool IsCurrentDisk(ReadOnlySpan<char> name) =>
        _lookup.TryGetValue(name, out var parent) && parent.Generation == _generation && !parent.IsPartition;

    private void Forget()
    {
        _gone.Clear();
        foreach (var (name, disk) in _byName)
        {
            if (disk.Generation != _generation)
            {
                _gone.Add(name);
            }
        }
        foreach (var name in _gone)
        {
            _byName.Remove(name);
        }
    }

    public void Dispose() => _file.Dispose();
}

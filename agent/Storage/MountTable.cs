using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Storage;

/// <summary>
/// The mounts the storage checks judge, read from /proc/self/mountinfo (or /proc/mounts when the
/// kernel lacks it). Skips what the filter ignores, and every later mount of a device already seen
/// (bind mounts such as /run/netns show one filesystem twice; df keeps the first too). Mount objects
/// are reused between refreshes: strings are made only when a mount point first appears.
/// </summary>
internal sealed class MountTable : IDisposable
{
    private readonly ProcFile _mountinfo;
    private readonly ProcFile _mounts;
    private readonly MountFilter _filter;
    private readonly Dictionary<string, Mount> _byPoint = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Mount>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<ulong> _devices = [];
    private readonly List<Mount> _current = [];
    private readonly List<string> _gone = [];
    private byte[] _bytes = new byte[256];
    private char[] _chars = new char[256];
    private long _generation;

    public MountTable(string procRoot, MountFilter filter)
    {
        _mountinfo = new ProcFile(Path.Combine(procRoot, "self", "mountinfo"), 16 * 1024);
        _mounts = new ProcFile(Path.Combine(procRoot, "mounts"), 16 * 1024);
        _filter = filter;
        _lookup = _byPoint.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The mounts found by the last successful <see cref="Refresh"/>, in mount order.</summary>
    public IReadOnlyList<Mount> Current => _current;

    /// <summary>Re-reads the mount table. False when neither file exists: no data, nothing changed.</summary>
    /// <exception cref="IOException">A mount table exists but could not be read.</exception>
    public bool Refresh()
    {
        var fromMountinfo = _mountinfo.TryRead(out var text);
        if (!fromMountinfo && !_mounts.TryRead(out text))
        {
            return false;
        }
        _generation++;
        _current.Clear();
        _devices.Clear();
        while (!text.IsEmpty)
        {
            var line = SpanFields.NextLine(ref text);
            scoped MountLine parsed;
            var ok = fromMountinfo ? MountInfoParser.TryParseLine(line, out parsed) : ProcMountsParser.TryParseLine(line, out parsed);
            if (ok && !_filter.IgnoresFsType(parsed.FsType))
            {
                Admit(parsed);
            }
        }
        Forget();
        return true;
    }

    private void Admit(MountLine line)
    {
        var point = Decode(line.MountPoint);
        if (_filter.IgnoresMountPoint(point) || (line.DeviceId != 0 && !_devices.Add(line.DeviceId)))
        {
            return;
        }
        if (_lookup.TryGetValue(point, out var mount))
        {
            if (mount.Generation == _generation)
            {
                // Mounted over again at the same point. statvfs sees the top one, but stacking real
                // filesystems is rare and keeping the first keeps its history stable.
                return;
            }
            if (mount.DeviceId != line.DeviceId || !Matches(mount.FsType, line.FsType))
            {
                _byPoint.Remove(mount.MountPoint); // another filesystem now: its history starts over
                mount = null;
            }
        }
        if (mount is null)
        {
            mount = new Mount(point.ToString(), DecodeString(line.Source), Encoding.UTF8.GetString(line.FsType), line.DeviceId, line.ReadOnly);
            _byPoint.Add(mount.MountPoint, mount);
        }
        mount.ReadOnly = line.ReadOnly;
        mount.Generation = _generation;
        _current.Add(mount);
    }

    private void Forget()
    {
        _gone.Clear();
        foreach (var (point, mount) in _byPoint)
        {
            if (mount.Generation != _generation)
            {
                _gone.Add(point);
            }
        }
        foreach (var point in _gone)
        {
            _byPoint.Remove(point);
        }
    }

    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> escaped)
    {
        if (_bytes.Length < escaped.Length)
        {
            _bytes = new byte[escaped.Length * 2];
            _chars = new char[escaped.Length * 2];
        }
        var length = OctalEscapes.Decode(escaped, _bytes);
        var chars = Encoding.UTF8.GetChars(_bytes.AsSpan(0, length), _chars);
        return _chars.AsSpan(0, chars);
    }

    // Only when a mount first appears, so a fresh buffer is fine and leaves Decode's span intact.
    private static string DecodeString(ReadOnlySpan<byte> escaped)
    {
        var bytes = new byte[escaped.Length];
        return Encoding.UTF8.GetString(bytes, 0, OctalEscapes.Decode(escaped, bytes));
    }

    private static bool Matches(string text, ReadOnlySpan<byte> ascii)
    {
        if (text.Length != ascii.Length)
        {
            return false;
        }
        for (var i = 0; i < ascii.Length; i++)
        {
            if (text[i] != ascii[i])
            {
                return false;
            }
        }
        return true;
    }

    public void Dispose()
    {
        _mountinfo.Dispose();
        _mounts.Dispose();
    }
}

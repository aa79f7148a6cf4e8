using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Cgroups;

/// <summary>
/// Reads small cgroup and /proc/PID files whole into one reused buffer, the path written as bytes into a
/// second reused buffer, so a read allocates nothing once both are large enough. Each read opens the file
/// anew: cgroups and processes come and go, so a kept handle would soon point at a removed one (and a
/// cgroup recreated under the same name is a new directory). Not thread-safe.
/// </summary>
internal sealed class CgroupFileReader
{
    private const int MaxSize = 1024 * 1024;
    private byte[] _buffer = new byte[8192];
    private byte[] _path = new byte[512];

    /// <summary>False when the file is absent, unreadable, or vanished while read (cgroup removed, process exited).</summary>
    public bool TryRead(string path, out ReadOnlySpan<byte> content)
    {
        var length = Encoding.UTF8.GetByteCount(path);
        Path(length + 1);
        Encoding.UTF8.GetBytes(path, _path);
        _path[length] = 0;
        return TryReadPath(out content);
    }

    /// <summary>Reads DIRECTORY/FILE; <paramref name="directory"/> is a cgroup directory as UTF-8 bytes.</summary>
    public bool TryRead(ReadOnlySpan<byte> directory, ReadOnlySpan<byte> file, out ReadOnlySpan<byte> content)
    {
        Join(directory, file);
        return TryReadPath(out content);
    }

    /// <summary>Whether the directory (UTF-8 bytes) exists now.</summary>
    public bool Exists(ReadOnlySpan<byte> directory)
    {
        Join(directory, default);
        return NativeFile.Exists(_path);
    }

    private bool TryReadPath(out ReadOnlySpan<byte> content)
    {
        content = default;
        if (!NativeFile.TryReadWhole(_path, ref _buffer, MaxSize, out var length))
        {
            return false;
        }
        content = _buffer.AsSpan(0, length);
        return true;
    }

    /// <summary>"DIRECTORY/FILE\0" (or "DIRECTORY\0" for no file) into the path buffer.</summary>
    private void Join(ReadOnlySpan<byte> directory, ReadOnlySpan<byte> file)
    {
        var length = directory.Length + (file.IsEmpty ? 0 : 1 + file.Length);
        Path(length + 1);
        directory.CopyTo(_path);
        if (!file.IsEmpty)
        {
            _path[directory.Length] = (byte)'/';
            file.CopyTo(_path.AsSpan(directory.Length + 1));
        }
        _path[length] = 0;
    }

    private void Path(int size)
    {
        if (_path.Length < size)
        {
            _path = new byte[Math.Max(size, _path.Length * 2)];
        }
    }
}

using System.Buffers.Text;
using System.Text;

namespace Warden.Agent.Procfs;

/// <summary>
/// Reads /proc/PID/FILE whole into one reused buffer without allocating: the path is written as bytes
/// into a buffer kept between reads and opened with open(2), so a scan over every process costs no
/// strings or handles. Each read opens the file anew, since processes come and go. Not thread-safe.
/// </summary>
internal sealed class ProcessFileReader
{
    private const int MaxSize = 1024 * 1024;

    private readonly byte[] _path;
    private readonly int _prefix;
    private byte[] _buffer = new byte[8192];

    public ProcessFileReader(string procRoot)
    {
        var root = Encoding.UTF8.GetBytes(procRoot.TrimEnd('/') + "/");
        _prefix = root.Length;
        _path = new byte[root.Length + 64];
        root.CopyTo(_path, 0);
    }

    /// <summary>
    /// False when the process is gone (or exits mid-read), the file is unreadable to us, or it is larger
    /// than 1 MiB. <paramref name="file"/> is a plain name such as "stat" or "cmdline".
    /// </summary>
    public bool TryRead(int pid, ReadOnlySpan<byte> file, out ReadOnlySpan<byte> content)
    {
        content = default;
        if (!TryWritePath(pid, file))
        {
            return false;
        }
        if (!NativeFile.TryReadWhole(_path, ref _buffer, MaxSize, out var length))
        {
            return false;
        }
        content = _buffer.AsSpan(0, length);
        return true;
    }

    /// <summary>"ROOT/PID/FILE\0" into the path buffer.</summary>
    private bool TryWritePath(int pid, ReadOnlySpan<byte> file)
    {
        var rest = _path.AsSpan(_prefix);
        if (!Utf8Formatter.TryFormat(pid, rest, out var digits) || digits + 2 + file.Length > rest.Length)
        {
            return false;
        }
        rest[digits] = (byte)'/';
        file.CopyTo(rest[(digits + 1)..]);
        rest[digits + 1 + file.Length] = 0;
        return true;
    }
}

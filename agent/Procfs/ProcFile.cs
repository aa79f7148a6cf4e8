using Microsoft.Win32.SafeHandles;

namespace Warden.Agent.Procfs;

/// <summary>
/// One kernel file read again and again into a reused buffer. The handle stays open and each read
/// starts at offset 0, which makes the kernel regenerate seq_file contents (/proc/stat, meminfo,
/// loadavg) without an open/close or any allocation per sample.
/// </summary>
internal sealed class ProcFile : IDisposable
{
    private const int MaxSize = 4 * 1024 * 1024;
    private readonly string _path;
    private SafeFileHandle? _handle;
    private byte[] _buffer;

    public ProcFile(string path, int initialSize = 4096)
    {
        _path = path;
        _buffer = new byte[initialSize];
    }

    public string Path => _path;

    /// <summary>Reads the whole file. False when it does not exist (this kernel lacks it).</summary>
    /// <exception cref="IOException">The file exists but could not be read.</exception>
    public bool TryRead(out ReadOnlySpan<byte> content)
    {
        content = default;
        if (_handle is null)
        {
            if (!File.Exists(_path))
            {
                return false;
            }
            _handle = File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }

        while (true)
        {
            var total = 0;
            int read;
            while ((read = RandomAccess.Read(_handle, _buffer.AsSpan(total), total)) > 0)
            {
                total += read;
                if (total == _buffer.Length)
                {
                    break;
                }
            }

            if (total < _buffer.Length)
            {
                content = _buffer.AsSpan(0, total);
                return true;
            }

            if (_buffer.Length >= MaxSize)
            {
                throw new IOException($"{_path} is larger than {MaxSize} bytes; refusing to read it whole");
            }
            // The file outgrew the buffer (many CPUs, many mounts): grow once and keep the size.
            _buffer = new byte[_buffer.Length * 2];
        }
    }

    public void Dispose() => _handle?.Dispose();
}

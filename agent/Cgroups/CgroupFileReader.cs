using Microsoft.Win32.SafeHandles;

namespace Warden.Agent.Cgroups;

/// <summary>
/// Reads small cgroup and /proc/PID files whole into one reused buffer. Each read opens the file anew:
/// cgroups and processes come and go, so a handle kept open would soon point at a removed one.
/// </summary>
internal sealed class CgroupFileReader
{
    private const int MaxSize = 1024 * 1024;
    private byte[] _buffer = new byte[8192];

    /// <summary>False when the file is absent or vanished while read (cgroup removed, process exited).</summary>
    public bool TryRead(string path, out ReadOnlySpan<byte> content)
    {
        content = default;
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var total = 0;
            int read;
            while ((read = RandomAccess.Read(handle, _buffer.AsSpan(total), total)) > 0)
            {
                total += read;
                if (total == _buffer.Length)
                {
                    if (_buffer.Length >= MaxSize)
                    {
                        return false;
                    }
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
            }
            content = _buffer.AsSpan(0, total);
            return true;
        }
        catch (IOException)
        {
            // FileNotFound/DirectoryNotFound, and ENODEV/ESRCH from a cgroup or process removed mid-read:
            // all are "no data" for this sample.
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            // /proc/PID/io of another user's process without CAP_SYS_PTRACE.
            return false;
        }
    }
}

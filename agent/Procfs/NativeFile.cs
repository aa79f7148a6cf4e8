using System.Runtime.InteropServices;

namespace Warden.Agent.Procfs;

/// <summary>
/// open(2)/read(2)/close(2) over a NUL-terminated byte path into a caller's reused buffer: no strings, no
/// SafeFileHandle, so a read allocates nothing once the buffer is large enough. Each read opens the file
/// anew (kernel seq files, processes and cgroups come and go), so no descriptor outlives a call.
/// </summary>
internal static partial class NativeFile
{
    private const int ORdOnly = 0, OCloExec = 0x80000, FOk = 0, EIntr = 4;

    /// <summary>
    /// Reads <paramref name="path"/> (ending in a NUL byte) whole into <paramref name="buffer"/>, doubling it up to
    /// <paramref name="maxSize"/>. False when the file is absent, unreadable to us, vanishes mid-read
    /// (ENODEV/ESRCH) or is larger than <paramref name="maxSize"/>.
    /// </summary>
    public static bool TryReadWhole(ReadOnlySpan<byte> path, ref byte[] buffer, int maxSize, out int length)
    {
        length = 0;
        var fd = Open(path, ORdOnly | OCloExec);
        if (fd < 0)
        {
            return false;
        }
        try
        {
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length >= maxSize)
                    {
                        return false;
                    }
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                var read = (int)Read(fd, buffer.AsSpan(total), (nuint)(buffer.Length - total));
                if (read == 0)
                {
                    length = total;
                    return true;
                }
                if (read < 0 && Marshal.GetLastPInvokeError() != EIntr)
                {
                    return false;
                }
                total += Math.Max(read, 0);
            }
        }
        finally
        {
            Close(fd);
        }
    }

    /// <summary>Whether <paramref name="path"/> (ending in a NUL byte) exists: access(2) F_OK.</summary>
    public static bool Exists(ReadOnlySpan<byte> path) => Access(path, FOk) == 0;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int Open(ReadOnlySpan<byte> path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, Span<byte> buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "access")]
    private static partial int Access(ReadOnlySpan<byte> path, int mode);
}

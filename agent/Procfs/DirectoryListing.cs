using System.Runtime.InteropServices;
using System.Text;

namespace Warden.Agent.Procfs;

/// <summary>
/// Lists one directory again and again without allocating: the directory stays open, and each
/// listing rewinds it and reads getdents64(2) records into a buffer kept between listings. Made for
/// /sys/class/net, whose entries the kernel produces afresh on every read.
/// </summary>
internal sealed partial class DirectoryListing(string path) : IDisposable
{
    private const int ORdOnly = 0, OCloExec = 0x80000;
    // asm-generic O_DIRECTORY is 0200000; arm and arm64 use 040000.
    private static readonly int ODirectory = RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 ? 0x4000 : 0x10000;
    private const byte DtDir = 4, DtLnk = 10, DtUnknown = 0;

    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _fd = -1;

    /// <summary>Called with each entry's name (not "." or "..") and whether it is, or links to, a directory.</summary>
    public delegate void Visitor(ReadOnlySpan<byte> name, bool isDirectory);

    public string Path => path;

    /// <exception cref="IOException">The directory cannot be opened or read; the message names it.</exception>
    public void List(Visitor visit)
    {
        if (_fd < 0)
        {
            _fd = Open(path, ORdOnly | OCloExec | ODirectory);
            if (_fd < 0)
            {
                throw Failure("cannot open");
            }
        }
        if (Seek(_fd, 0, 0) < 0)
        {
            throw Failure("cannot rewind");
        }
        while (true)
        {
            var read = (int)GetDents64(_fd, _buffer, (nuint)_buffer.Length);
            if (read < 0)
            {
                throw Failure("cannot list");
            }
            if (read == 0)
            {
                return;
            }
            VisitRecords(_buffer.AsSpan(0, read), visit);
        }
    }

    // struct linux_dirent64 { u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[]; }
    private void VisitRecords(ReadOnlySpan<byte> records, Visitor visit)
    {
        while (records.Length >= 19)
        {
            var length = BitConverter.ToUInt16(records[16..18]);
            if (length < 19 || length > records.Length)
            {
                return;
            }
            var type = records[18];
            var name = records[19..length];
            var end = name.IndexOf((byte)0);
            name = end >= 0 ? name[..end] : name;
            records = records[length..];
            if (name.SequenceEqual("."u8) || name.SequenceEqual(".."u8))
            {
                continue;
            }
            visit(name, type == DtDir || (type is DtLnk or DtUnknown && IsDirectory(name)));
        }
    }

    // A symlink (every /sys/class/net entry) counts when it leads to a directory, as .NET's listing has it.
    private bool IsDirectory(ReadOnlySpan<byte> name)
    {
        Span<byte> terminated = stackalloc byte[256];
        if (name.Length >= terminated.Length)
        {
            return false;
        }
        name.CopyTo(terminated);
        terminated[name.Length] = 0;
        var fd = OpenAt(_fd, terminated, ORdOnly | OCloExec | ODirectory);
        if (fd < 0)
        {
            return false;
        }
        Close(fd);
        return true;
    }

    private IOException Failure(string what) => new($"{what} {path}: {Marshal.GetLastPInvokeErrorMessage()}");

    public void Dispose()
    {
        if (_fd >= 0)
        {
            Close(_fd);
            _fd = -1;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true)]
    private static partial int OpenAt(int dirFd, ReadOnlySpan<byte> path, int flags);

    [LibraryImport("libc", EntryPoint = "lseek", SetLastError = true)]
    private static partial long Seek(int fd, long offset, int whence);

    [LibraryImport("libc", EntryPoint = "getdents64", SetLastError = true)]
    private static partial nint GetDents64(int fd, byte[] buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}

using System.Runtime.InteropServices;

namespace Warden.Agent.Storage;

/// <summary>
/// statvfs(3) through libc, with a source-generated [LibraryImport] stub (no reflection, AOT-safe).
/// The struct is glibc's layout for 64-bit Linux (x86_64 and aarch64 agree).
/// </summary>
internal sealed partial class Statvfs : IFileSystemProbe
{
    public bool TryQuery(string mountPoint, out FileSystemStats stats, out string error)
    {
        stats = default;
        if (NativeStatvfs(mountPoint, out var buf) != 0)
        {
            error = $"{ErrnoName(Marshal.GetLastPInvokeError())} ({Marshal.GetLastPInvokeErrorMessage()})";
            return false;
        }
        error = "";
        // f_frsize is the unit of the block counts; very old kernels leave it 0 and mean f_bsize.
        var unit = buf.FragmentSize != 0 ? buf.FragmentSize : buf.BlockSize;
        stats = new FileSystemStats(
            Bytes(buf.Blocks, unit), Bytes(buf.BlocksFree, unit), Bytes(buf.BlocksAvailable, unit),
            buf.Files, Math.Min(buf.FilesFree, buf.Files));
        return true;
    }

    private static ulong Bytes(ulong blocks, ulong unit) =>
        unit != 0 && blocks > ulong.MaxValue / unit ? ulong.MaxValue : blocks * unit;

    private static string ErrnoName(int errno) => errno switch
    {
        1 => "EPERM",
        2 => "ENOENT",
        5 => "EIO",
        13 => "EACCES",
        20 => "ENOTDIR",
        38 => "ENOSYS",
        107 => "ENOTCONN",
        110 => "ETIMEDOUT",
        116 => "ESTALE",
        _ => $"errno {errno}",
    };

    [LibraryImport("libc", EntryPoint = "statvfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeStatvfs(string path, out StatvfsBuffer buffer);

    // struct statvfs from glibc <bits/statvfs.h> on LP64: eleven unsigned longs, then int __f_spare[6].
    [StructLayout(LayoutKind.Sequential)]
    private struct StatvfsBuffer
    {
        public ulong BlockSize;       // f_bsize
        public ulong FragmentSize;    // f_frsize
        public ulong Blocks;          // f_blocks
        public ulong BlocksFree;      // f_bfree
        public ulong BlocksAvailable; // f_bavail
        public ulong Files;           // f_files
        public ulong FilesFree;       // f_ffree
        public ulong FilesAvailable;  // f_favail
        public ulong FsId;            // f_fsid
        public ulong Flags;           // f_flag
        public ulong NameMax;         // f_namemax
        public ulong Spare0, Spare1, Spare2; // __f_spare[6]
    }
}

using System.Runtime.InteropServices;

namespace Warden.Agent.Hosting;

/// <summary>
/// Keeps glibc's malloc from holding on to memory the agent's native parts (zlib's gzip state per
/// message, the runtime) have freed. By default glibc gives each thread pool worker an arena of its own
/// and raises its mmap threshold after the first large free, so 256 KB deflate buffers then come from
/// arena heaps that fragment and are not returned: measured as 2 to 4 MB of resident memory that grew for
/// minutes. One arena and a fixed 64 KiB mmap threshold (which also fixes the trim threshold) keep the
/// native heap near 200 KB. Set in the process, not through MALLOC_* variables, so the commands the
/// agent runs do not inherit it. A libc without mallopt (musl) keeps its own behaviour.
/// </summary>
internal static partial class NativeHeap
{
    private const int MTrimThreshold = -1, MMmapThreshold = -3, MArenaMax = -8;

    public static void KeepSmall()
    {
        try
        {
            _ = MallOpt(MArenaMax, 1);
            _ = MallOpt(MMmapThreshold, 64 * 1024);
            _ = MallOpt(MTrimThreshold, 128 * 1024);
        }
        catch (EntryPointNotFoundException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}

using System.Globalization;
using System.Runtime.InteropServices;

namespace Warden.Agent.Healing;

/// <summary>
/// drop-caches: sync(2), then the level (1 page cache, 2 dentries and inodes, 3 both) written to
/// PROC/sys/vm/drop_caches. Only clean pages are dropped, hence the sync first (the kernel's
/// Documentation/admin-guide/sysctl/vm.rst says the same). sync can block on a busy or hung disk;
/// the action's timeout bounds the wait.
/// </summary>
internal sealed partial class DropCachesAction(int level, string procRoot, TimeProvider time) : HealAction
{
    public override string Description => string.Create(CultureInfo.InvariantCulture, $"drop-caches {level}");

    public override Task<HealActionResult> RunAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        ActionDeadline.RunAsync(_ => Task.Run(Drop, CancellationToken.None), timeout, time, cancellationToken);

    private string Drop()
    {
        var path = Path.Combine(procRoot, "sys", "vm", "drop_caches");
        Sync();
        try
        {
            // Open, never create: a missing file means this ProcRoot has no such knob.
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
            RandomAccess.Write(handle, [(byte)('0' + level), (byte)'\n'], 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"synced; could not write {level} to {path}: {e.Message}";
        }
        return $"synced and wrote {level} to {path}";
    }

    [LibraryImport("libc", EntryPoint = "sync")]
    private static partial void Sync();
}

using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Warden.Agent.Configuration;

namespace Warden.Agent.Hosting;

/// <summary>
/// Gives back the resident pages of the agent's own executable once start-up is over: madvise(MADV_PAGEOUT)
/// over every mapping of the binary. Start-up code and data (configuration binding, check construction,
/// the first connection) are used once and would otherwise stay resident for the agent's life; the hot
/// set the steady state uses faults back in from the file on its next cycle and stays. No data is lost:
/// pages are clean copies of the file, and the few written ones (relocations) are anonymous and stay put
/// without swap. Linux 5.4 or later; elsewhere it reports why it did nothing. The mappings are also marked
/// MADV_RANDOM, so a page faulted back in comes alone rather than with its readahead neighbours.
/// </summary>
internal static partial class StartupPages
{
    private const int MadvRandom = 1, MadvPageout = 21;

    /// <summary>File-backed RSS (kB) before and after, or the reason nothing was released.</summary>
    public readonly record struct Outcome(long FileKbBefore, long FileKbAfter, int Mappings, string? Problem);

    /// <summary>One release, <paramref name="options"/>' delay after now; null when turned off. Dispose to cancel.</summary>
    public static ITimer? Schedule(MemoryOptions options, TimeProvider time, ILogger logger)
    {
        if (options.ReleaseStartupPagesAfterSeconds <= 0)
        {
            return null;
        }
        return time.CreateTimer(_ => Report(Release(), logger), null,
            TimeSpan.FromSeconds(options.ReleaseStartupPagesAfterSeconds), Timeout.InfiniteTimeSpan);
    }

    private static void Report(Outcome outcome, ILogger logger)
    {
        if (outcome.Problem is { } problem)
        {
            Log.StartupPagesKept(logger, problem);
        }
        else
        {
            Log.StartupPagesReleased(logger, Environment.ProcessPath ?? "", outcome.FileKbBefore, outcome.FileKbAfter, outcome.Mappings);
        }
    }

    public static Outcome Release(string procSelf = "/proc/self", string? executable = null)
    {
        executable ??= Environment.ProcessPath;
        if (executable is null)
        {
            return new Outcome(0, 0, 0, "the executable's path is unknown");
        }
        var before = FileRssKb(procSelf);
        var mappings = 0;
        foreach (var (start, length) in MappingsOf(File.ReadLines(Path.Combine(procSelf, "maps")), executable))
        {
            // MADV_RANDOM first: a page the steady state needs again is read alone, without readahead
            // and fault-around bringing its cold neighbours back with it.
            if (Madvise(start, length, MadvRandom) != 0 || Madvise(start, length, MadvPageout) != 0)
            {
                return new Outcome(before, FileRssKb(procSelf), mappings,
                    $"madvise(MADV_PAGEOUT) on {executable}: {Marshal.GetLastPInvokeErrorMessage()}");
            }
            mappings++;
        }
        return new Outcome(before, FileRssKb(procSelf), mappings, mappings == 0 ? $"no mapping of {executable} in {procSelf}/maps" : null);
    }

    /// <summary>"START-END PERMS OFFSET DEV INODE PATH" lines (proc(5)) whose path is the executable.</summary>
    internal static IEnumerable<(nint Start, nuint Length)> MappingsOf(IEnumerable<string> maps, string executable)
    {
        foreach (var line in maps)
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || fields[5].TrimStart() != executable)
            {
                continue;
            }
            var range = fields[0].Split('-');
            if (range.Length == 2
                && ulong.TryParse(range[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
                && ulong.TryParse(range[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end) && end > start)
            {
                yield return ((nint)start, (nuint)(end - start));
            }
        }
    }

    /// <summary>"RssFile:	   12345 kB" from PROC/status; 0 when absent.</summary>
    private static long FileRssKb(string procSelf)
    {
        foreach (var line in File.ReadLines(Path.Combine(procSelf, "status")))
        {
            if (line.StartsWith("RssFile:", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan(8).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kb))
            {
                return kb;
            }
        }
        return 0;
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}

using System.Buffers.Text;
using Warden.Agent.Cgroups;
using Warden.Agent.Procfs;

namespace Warden.Agent.Healing;

/// <summary>The processes of one cgroup (its cgroup.procs) and their resident memory (/proc/PID/statm).</summary>
internal static class CgroupProcesses
{
    // Where a v1 host lists a cgroup's processes: every hierarchy has cgroup.procs; these are the ones
    // systemd populates for every service. A hybrid host's unified/ tree is tried first.
    private static readonly string[] Controllers = [CgroupHierarchy.Unified, "memory", "pids", "cpu", "systemd"];

    /// <summary>The cgroup.procs file of <paramref name="cgroup"/>, or null when no hierarchy has it.</summary>
    public static string? ProcsFile(CgroupHierarchy hierarchy, string cgroup)
    {
        foreach (var controller in Controllers)
        {
            if (hierarchy.DirectoryOf(controller, cgroup) is { } dir && File.Exists(Path.Combine(dir, "cgroup.procs")))
            {
                return Path.Combine(dir, "cgroup.procs");
            }
        }
        return null;
    }

    /// <summary>cgroup.procs: one PID per line, in no particular order; anything else on a line is skipped.</summary>
    public static List<int> Parse(ReadOnlySpan<byte> text)
    {
        var pids = new List<int>();
        while (!text.IsEmpty)
        {
            var line = SpanFields.NextLine(ref text).Trim((byte)' ');
            if (Utf8Parser.TryParse(line, out int pid, out var used) && used == line.Length && pid > 0)
            {
                pids.Add(pid);
            }
        }
        return pids;
    }

    /// <summary>/proc/PID/statm: "size resident shared text lib data dt", in pages; the resident field in pages, or null.</summary>
    public static ulong? ResidentPages(ReadOnlySpan<byte> statm)
    {
        var fields = new SpanFields(statm);
        return fields.TryNextUInt64(out _) && fields.TryNextUInt64(out var resident) ? resident : null;
    }
}

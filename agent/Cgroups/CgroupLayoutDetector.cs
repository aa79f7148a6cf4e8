using Warden.Agent.Procfs;

namespace Warden.Agent.Cgroups;

/// <summary>Tells v1, hybrid and v2 apart, from the cgroup root's contents or from /proc/self/mountinfo.</summary>
internal static class CgroupLayoutDetector
{
    /// <summary>The root's contents decide; mountinfo is asked only when the root says nothing.</summary>
    public static CgroupLayout Detect(string cgroupRoot, string mountInfoPath)
    {
        var layout = FromDirectory(cgroupRoot);
        if (layout != CgroupLayout.None || !File.Exists(mountInfoPath))
        {
            return layout;
        }
        return FromMountInfo(File.ReadAllBytes(mountInfoPath), "/sys/fs/cgroup"u8);
    }

    /// <summary>
    /// A cgroup2 root has cgroup.controllers; every v1 hierarchy has a "tasks" file; systemd's hybrid
    /// mode adds a cgroup2 mount at unified/.
    /// </summary>
    public static CgroupLayout FromDirectory(string root)
    {
        if (File.Exists(Path.Combine(root, "cgroup.controllers")))
        {
            return CgroupLayout.V2;
        }
        if (!Directory.Exists(root))
        {
            return CgroupLayout.None;
        }
        var v1 = Directory.EnumerateDirectories(root).Any(d => File.Exists(Path.Combine(d, "tasks")));
        var unified = File.Exists(Path.Combine(root, "unified", "cgroup.controllers"));
        return v1 ? (unified ? CgroupLayout.Hybrid : CgroupLayout.V1) : CgroupLayout.None;
    }

    /// <summary>
    /// mountinfo lines: "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS".
    /// Only mounts at or below <paramref name="mountRoot"/> count.
    /// </summary>
    public static CgroupLayout FromMountInfo(ReadOnlySpan<byte> text, ReadOnlySpan<byte> mountRoot)
    {
        bool v2AtRoot = false, v2Below = false, v1 = false;
        while (!text.IsEmpty)
        {
            var line = SpanFields.NextLine(ref text);
            var dash = line.IndexOf(" - "u8);
            if (dash < 0)
            {
                continue;
            }
            var head = new SpanFields(line[..dash]);
            var tail = new SpanFields(line[(dash + 3)..]);
            if (!head.TryNext(out _) || !head.TryNext(out _) || !head.TryNext(out _) || !head.TryNext(out _)
                || !head.TryNext(out var mountPoint) || !tail.TryNext(out var fsType) || !mountPoint.StartsWith(mountRoot))
            {
                continue;
            }
            var atRoot = mountPoint.Length == mountRoot.Length;
            if (fsType.SequenceEqual("cgroup2"u8))
            {
                v2AtRoot |= atRoot;
                v2Below |= !atRoot;
            }
            else if (fsType.SequenceEqual("cgroup"u8))
            {
                v1 = true;
            }
        }
        return v2AtRoot ? CgroupLayout.V2 : v1 ? (v2Below ? CgroupLayout.Hybrid : CgroupLayout.V1) : CgroupLayout.None;
    }
}

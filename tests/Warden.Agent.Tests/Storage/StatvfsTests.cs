using System.Diagnostics;
using System.Globalization;
using Warden.Agent.Checks.Storage;
using Warden.Agent.Storage;

namespace Warden.Agent.Tests.Storage;

public class StatvfsTests
{
    [Fact]
    public void Agrees_with_df_on_every_mount_both_list()
    {
        using var table = new MountTable("/proc", new MountFilter(StorageCheckOptions.DefaultIgnoredFsTypes, StorageCheckOptions.DefaultIgnoredMountPoints));
        Assert.True(table.Refresh());
        var probe = new Statvfs();
        var ours = new Dictionary<string, FileSystemStats>();
        foreach (var mount in table.Current)
        {
            if (probe.TryQuery(mount.MountPoint, out var stats, out _))
            {
                ours[mount.MountPoint] = stats;
            }
        }
        var bytes = Df("-B1", "--output=size,used,avail,target");
        var inodes = Df("--output=itotal,iused,iavail,target"); // df -i with the columns named; -i and --output exclude each other

        var compared = 0;
        foreach (var (point, stats) in ours)
        {
            if (!bytes.TryGetValue(point, out var b) || !inodes.TryGetValue(point, out var i))
            {
                continue;
            }
            compared++;
            Assert.Equal(b.Total, stats.TotalBytes);
            // A busy filesystem moves between the two calls: allow 0.5 % of its size or 64 MiB.
            var slack = Math.Max(64.0 * 1024 * 1024, stats.TotalBytes * 0.005);
            Assert.InRange((double)stats.UsedBytes, b.Used - slack, b.Used + slack);
            Assert.InRange((double)stats.AvailableBytes, b.Avail - slack, b.Avail + slack);
            // df rounds Use% up to a whole percent; ours is exact, so it is at most one point below.
            var dfPct = Math.Ceiling(100.0 * b.Used / (b.Used + b.Avail));
            Assert.InRange(stats.UsedPct, dfPct - 1.01, dfPct + 0.5);

            Assert.Equal(i.Total, stats.TotalInodes);
            var inodeSlack = Math.Max(2000, stats.TotalInodes * 0.005);
            Assert.InRange((double)stats.UsedInodes, i.Used - inodeSlack, i.Used + inodeSlack);
        }
        Assert.True(compared > 0, $"no mount in common with df: ours {string.Join(", ", ours.Keys)}, df {string.Join(", ", bytes.Keys)}");
    }

    [Fact]
    public void A_missing_path_is_an_error_naming_the_errno_not_an_exception()
    {
        Assert.False(new Statvfs().TryQuery("/nonexistent/warden-" + Guid.NewGuid().ToString("N"), out var stats, out var error));
        Assert.StartsWith("ENOENT", error, StringComparison.Ordinal);
        Assert.Equal(default, stats);
    }

    private static Dictionary<string, (ulong Total, double Used, double Avail)> Df(params string[] args)
    {
        var start = new ProcessStartInfo("df") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var df = Process.Start(start)!;
        var output = df.StandardOutput.ReadToEnd();
        df.WaitForExit();
        var rows = new Dictionary<string, (ulong, double, double)>();
        foreach (var line in output.Split('\n').Skip(1))
        {
            // The target is last, so a mount point with spaces stays whole.
            var parts = line.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 4 && ulong.TryParse(parts[0], CultureInfo.InvariantCulture, out var total)
                && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var used)
                && double.TryParse(parts[2], CultureInfo.InvariantCulture, out var avail))
            {
                rows[parts[3]] = (total, used, avail);
            }
        }
        return rows;
    }
}

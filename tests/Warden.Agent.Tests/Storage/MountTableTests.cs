using Warden.Agent.Checks.Storage;
using Warden.Agent.Storage;

namespace Warden.Agent.Tests.Storage;

public class MountTableTests
{
    private static readonly MountFilter Defaults = new(StorageCheckOptions.DefaultIgnoredFsTypes, StorageCheckOptions.DefaultIgnoredMountPoints);

    [Theory]
    [InlineData(TestTrees.Cgroup2Host)]
    [InlineData(TestTrees.Cgroup1Host)]
    public void The_default_filter_leaves_only_the_ext4_root_on_both_fixture_hosts(string host)
    {
        using var table = new MountTable(TestTrees.Proc(host), Defaults);
        Assert.True(table.Refresh());
        var root = Assert.Single(table.Current);
        Assert.Equal(("/", "ext4", "/dev/vda", false), (root.MountPoint, root.FsType, root.Source, root.ReadOnly));
    }

    [Theory]
    [InlineData(TestTrees.Cgroup2Host, 7)]   // 9 lines; /dev/pts and /dev/shm are mounted twice
    [InlineData(TestTrees.Cgroup1Host, 17)]  // 19 lines; the same two stacked mounts
    public void Without_a_filter_each_mount_point_is_listed_once(string host, int expected)
    {
        using var table = new MountTable(TestTrees.Proc(host), MountFilter.None);
        Assert.True(table.Refresh());
        Assert.Equal(expected, table.Current.Count);
        Assert.Equal(expected, table.Current.Select(m => m.MountPoint).Distinct().Count());
    }

    [Fact]
    public void Falls_back_to_proc_mounts_when_mountinfo_is_missing()
    {
        using var proc = TestTrees.CopyOfProc(TestTrees.Cgroup1Host);
        File.Delete(Path.Combine(proc.Path, "self", "mountinfo"));
        using var table = new MountTable(proc.Path, Defaults);
        Assert.True(table.Refresh());
        Assert.Equal("/", Assert.Single(table.Current).MountPoint);
    }

    [Fact]
    public void No_mount_table_at_all_is_no_data_not_a_crash()
    {
        using var empty = TestTrees.Scratch();
        using var table = new MountTable(empty.Path, Defaults);
        Assert.False(table.Refresh());
        Assert.Empty(table.Current);
    }

    [Fact]
    public void Decodes_spaces_and_odd_characters_and_skips_bind_mounts_of_a_device_already_seen()
    {
        using var proc = TestTrees.Scratch();
        Write(proc, """
            27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
            42 27 254:0 /run/netns /run/netns rw,relatime shared:1 - ext4 /dev/vda rw
            50 27 8:17 / /mnt/my\040disk\011tab rw - vfat /dev/sdb\0401 rw
            51 27 8:33 / /mnt/caf\303\251#1 rw - xfs /dev/sdc1 rw
            52 27 0:40 / /var/lib/docker/overlay2/abc/merged rw - ext4 /dev/sdd rw
            broken line
            """);
        using var table = new MountTable(proc.Path, Defaults);
        Assert.True(table.Refresh());
        Assert.Equal(["/", "/mnt/my disk\ttab", "/mnt/café#1"], table.Current.Select(m => m.MountPoint));
        Assert.Equal("/dev/sdb 1", table.Current[1].Source);
    }

    [Fact]
    public void Keeps_a_mount_object_while_it_stays_and_starts_over_for_a_different_filesystem()
    {
        using var proc = TestTrees.Scratch();
        Write(proc, "27 1 254:0 / / rw - ext4 /dev/vda rw\n60 27 8:1 / /data rw - xfs /dev/sda1 rw\n");
        using var table = new MountTable(proc.Path, Defaults);
        table.Refresh();
        var data = table.Current[1];

        Write(proc, "27 1 254:0 / / rw - ext4 /dev/vda rw\n60 27 8:1 / /data rw - xfs /dev/sda1 ro\n");
        table.Refresh();
        Assert.Same(data, table.Current[1]);
        Assert.True(data.ReadOnly);
        Assert.False(data.FirstSeenReadOnly);

        Write(proc, "27 1 254:0 / / rw - ext4 /dev/vda rw\n61 27 8:17 / /data ro - xfs /dev/sdb1 ro\n");
        table.Refresh();
        Assert.NotSame(data, table.Current[1]);
        Assert.True(table.Current[1].FirstSeenReadOnly);
    }

    [Fact]
    public void Reads_this_machines_live_mount_table()
    {
        using var table = new MountTable("/proc", Defaults);
        Assert.True(table.Refresh());
        Assert.Contains(table.Current, m => m.MountPoint == "/");
        Assert.DoesNotContain(table.Current, m => m.FsType is "proc" or "sysfs" or "tmpfs" or "cgroup2");
        Assert.Equal(table.Current.Count, table.Current.Select(m => m.DeviceId).Distinct().Count());
    }

    private static void Write(ScratchDirectory proc, string mountinfo)
    {
        Directory.CreateDirectory(Path.Combine(proc.Path, "self"));
        File.WriteAllText(Path.Combine(proc.Path, "self", "mountinfo"), mountinfo);
    }
}

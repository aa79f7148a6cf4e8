using Warden.Agent.Checks;
using Warden.Agent.Checks.Storage;
using Warden.Agent.Storage;

namespace Warden.Agent.Tests.Checks.Storage;

public class DiskInodesCheckTests
{
    private static readonly Threshold Levels = new(85, 95);

    [Theory]
    [InlineData(849, "Ok")]
    [InlineData(850, "Warn")]
    [InlineData(950, "Crit")]
    public void Inode_use_against_both_levels(ulong used, string expected)
    {
        var result = DiskInodesCheck.Judge("/var", new FileSystemStats(1, 1, 1, 1000, 1000 - used), Levels);
        Assert.Equal((expected, used / 10.0), (result.Status.ToString(), result.Value));
        Assert.Equal($"/var {used / 10.0:0.0} % of inodes used, {1000 - used} of 1000 free", result.Reason);
    }

    [Fact]
    public void A_filesystem_without_an_inode_table_is_ok_not_unknown()
    {
        var result = DiskInodesCheck.Judge("/srv", new FileSystemStats(1000, 10, 10, 0, 0), Levels);
        Assert.Equal(CheckStatus.Ok, result.Status);
        Assert.Contains("no fixed inode table", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judges_each_mount_through_the_check()
    {
        using var proc = new ScratchProc();
        proc.Mounts("27 1 254:0 / / rw - ext4 /dev/vda rw\n60 27 0:45 / /srv rw - btrfs /dev/sdb rw\n");
        var probe = new FakeFileSystemProbe();
        probe.Stats["/"] = FakeFileSystemProbe.Disk(100e9, 10e9, inodes: 1000, freeInodes: 10);
        probe.Stats["/srv"] = FakeFileSystemProbe.Disk(100e9, 10e9, inodes: 0, freeInodes: 0);
        using var check = new DiskInodesCheck(new StorageCheckOptions(), proc.Paths, TimeProvider.System, probe);
        var outcomes = new List<CheckOutcome>();
        await check.EvaluateAsync(outcomes, CancellationToken.None);
        Assert.Equal(["disk_inodes:/:Crit", "disk_inodes:/srv:Ok"], outcomes.Select(o => $"{o.Key}:{o.Result.Status}"));
    }
}

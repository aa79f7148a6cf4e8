using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Storage;
using Warden.Agent.Storage;

namespace Warden.Agent.Tests.Checks.Storage;

public class DiskSpaceCheckTests
{
    private static readonly Threshold Levels = new(85, 95);
    private static readonly FillHorizon Horizon = new(TimeSpan.FromHours(24), TimeSpan.FromHours(3));

    [Theory]
    [InlineData(84.9, "Ok")]
    [InlineData(85.0, "Warn")]
    [InlineData(94.9, "Warn")]
    [InlineData(95.0, "Crit")]
    [InlineData(100, "Crit")]
    public void Use_percent_against_both_levels(double usedPct, string expected)
    {
        var result = DiskSpaceCheck.Judge("/var", FakeFileSystemProbe.Disk(1000e9, usedPct * 10e9), double.NaN, Levels, Horizon);
        Assert.Equal(expected, result.Status.ToString());
        Assert.Equal(usedPct, result.Value, 9);
    }

    [Fact]
    public void Use_percent_is_dfs_used_over_used_plus_available()
    {
        // 1000 blocks, 200 free of which 50 reserved for root: df says 800 / 950.
        var result = DiskSpaceCheck.Judge("/", new FileSystemStats(1000, 200, 150, 0, 0), double.NaN, Levels, Horizon);
        Assert.Equal(100.0 * 800 / 950, result.Value, 9);
        Assert.Equal("/ 84.2 % used, 150 B available", result.Reason);
    }

    [Theory]
    [InlineData(250, "Crit", "/data 50.0 % used, full in 2 h at 250 GB/h")]
    [InlineData(50, "Warn", "/data 50.0 % used, full in 10 h at 50 GB/h")]
    [InlineData(10, "Ok", "/data 50.0 % used, 500 GB available")]   // full in 50 h: beyond 24 h
    [InlineData(-10, "Ok", "/data 50.0 % used, 500 GB available")]  // shrinking
    public void A_fill_rate_that_projects_full_within_a_horizon_escalates(double gbPerHour, string expected, string reason)
    {
        var result = DiskSpaceCheck.Judge("/data", FakeFileSystemProbe.Disk(1000e9, 500e9), gbPerHour * 1e9 / 3600, Levels, Horizon);
        Assert.Equal((expected, reason), (result.Status.ToString(), result.Reason));
        Assert.Equal(50, result.Value, 9);
    }

    [Fact]
    public void The_worse_of_use_percent_and_projection_wins()
    {
        var result = DiskSpaceCheck.Judge("/var", FakeFileSystemProbe.Disk(100e9, 96e9), 1e9 / 3600, Levels, Horizon);
        Assert.Equal(CheckStatus.Crit, result.Status);         // 96 % is CRIT though full is 4 h away
        Assert.Equal("/var 96.0 % used, full in 4 h at 1 GB/h", result.Reason);
    }

    [Fact]
    public async Task Usage_growing_linearly_on_the_fake_clock_is_projected_once_ten_minutes_are_seen()
    {
        using var proc = new ScratchProc();
        proc.Mounts("27 1 254:0 / / rw - ext4 /dev/vda rw\n60 27 8:1 / /data rw - xfs /dev/sda1 rw\n");
        var time = new FakeTimeProvider();
        var probe = new FakeFileSystemProbe();
        probe.Stats["/"] = FakeFileSystemProbe.Disk(100e9, 10e9);
        using var check = new DiskSpaceCheck(new StorageCheckOptions(), proc.Paths, time, probe);
        const double total = 1000e9, perHour = 200e9; // from 40 % used, full in 3 h, and 200 GB/h
        var outcomes = new List<CheckOutcome>();
        for (var step = 0; step <= 20; step++) // every 30 s for 10 minutes
        {
            probe.Stats["/data"] = FakeFileSystemProbe.Disk(total, 400e9 + perHour * step * 30 / 3600);
            outcomes.Clear();
            await check.EvaluateAsync(outcomes, CancellationToken.None);
            var data = outcomes.Single(o => o.Subject == "/data").Result;
            Assert.Equal(step < 20 ? CheckStatus.Ok : CheckStatus.Crit, data.Status);
            time.Advance(check.Interval);
        }
        var last = outcomes.Single(o => o.Subject == "/data").Result;
        Assert.Equal("/data 43.3 % used, full in 2.8 h at 200 GB/h", last.Reason);
        Assert.Equal(CheckStatus.Ok, outcomes.Single(o => o.Subject == "/").Result.Status);
    }

    [Fact]
    public async Task A_failing_statvfs_is_unknown_for_that_mount_only()
    {
        using var proc = new ScratchProc();
        proc.Mounts("27 1 254:0 / / rw - ext4 /dev/vda rw\n61 27 0:50 / /mnt/nfs rw - nfs4 srv:/export rw\n");
        var probe = new FakeFileSystemProbe();
        probe.Stats["/"] = FakeFileSystemProbe.Disk(100e9, 10e9);
        probe.Errors["/mnt/nfs"] = "ESTALE (Stale file handle)";
        using var check = new DiskSpaceCheck(new StorageCheckOptions(), proc.Paths, new FakeTimeProvider(), probe);
        var outcomes = new List<CheckOutcome>();
        await check.EvaluateAsync(outcomes, CancellationToken.None);
        Assert.Equal(CheckStatus.Ok, outcomes.Single(o => o.Subject == "/").Result.Status);
        var nfs = outcomes.Single(o => o.Subject == "/mnt/nfs");
        Assert.Equal((CheckStatus.Unknown, "disk_space:/mnt/nfs", Component.Storage), (nfs.Result.Status, nfs.Key, nfs.Component));
        Assert.Contains("ESTALE", nfs.Result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_mount_table_is_one_unknown_not_a_crash()
    {
        using var empty = new ScratchDirectory();
        using var check = new DiskSpaceCheck(new StorageCheckOptions(), HostPaths.Fixture(empty.Path), new FakeTimeProvider(), new FakeFileSystemProbe());
        var outcomes = new List<CheckOutcome>();
        await check.EvaluateAsync(outcomes, CancellationToken.None);
        Assert.Equal(CheckStatus.Unknown, Assert.Single(outcomes).Result.Status);
    }
}

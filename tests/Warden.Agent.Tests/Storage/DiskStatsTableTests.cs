using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks.Storage;
using Warden.Agent.Storage;

namespace Warden.Agent.Tests.Storage;

public class DiskStatsTableTests
{
    [Theory]
    [InlineData(TestTrees.Cgroup2Host, new[] { "vda", "vdb" })]
    [InlineData(TestTrees.Cgroup1Host, new[] { "vda" })]
    public void Skips_loop_and_zram_devices_on_both_fixture_hosts(string host, string[] disks)
    {
        using var table = new DiskStatsTable(TestTrees.Proc(host), new FakeTimeProvider(), StorageCheckOptions.DefaultIgnoredDevices);
        Assert.True(table.Refresh());
        Assert.Equal(disks, table.Current.Select(d => d.Name));
        Assert.All(table.Current, d => Assert.Null(d.Rates)); // one read has no interval yet
    }

    [Fact]
    public void Keeps_whole_disks_and_drops_their_partitions()
    {
        using var proc = TestTrees.Scratch();
        File.WriteAllText(proc.File("diskstats"), string.Join('\n',
            new[] { "8 0 sda", "8 1 sda1", "8 2 sda12", "259 0 nvme0n1", "259 1 nvme0n1p1", "179 0 mmcblk0", "179 1 mmcblk0p1",
                    "253 0 dm-0", "9 0 md0", "9 1 md0p1", "8 16 sdb3", "7 0 loop0", "11 0 sr0" }
            .Select(d => $"{d} 1 0 8 1 1 0 8 1 0 1 2")));
        using var table = new DiskStatsTable(proc.Path, new FakeTimeProvider(), StorageCheckOptions.DefaultIgnoredDevices);
        Assert.True(table.Refresh());
        // sdb3 has no sdb listed before it, so nothing says it is a partition: it is judged itself.
        Assert.Equal(["sda", "nvme0n1", "mmcblk0", "dm-0", "md0", "sdb3"], table.Current.Select(d => d.Name));
    }

    [Fact]
    public void Rates_come_from_two_reads_and_the_fake_clock()
    {
        using var proc = TestTrees.Scratch();
        var time = new FakeTimeProvider();
        File.WriteAllText(proc.File("diskstats"), "254 0 vda 1000 0 8000 2000 500 0 4000 1000 0 3000 3000 0 0 0 0 0 0\n");
        using var table = new DiskStatsTable(proc.Path, time, []);
        table.Refresh();
        time.Advance(TimeSpan.FromSeconds(10));
        // +300 reads (2400 sectors, 900 ms), +200 writes (1600 sectors, 500 ms), +100 discards (600 ms), io_ticks +4000 ms
        File.WriteAllText(proc.File("diskstats"), "254 0 vda 1300 0 10400 2900 700 0 5600 1500 2 7000 5000 100 0 80 600 0 0\n");
        table.Refresh();

        var rates = Assert.Single(table.Current).Rates!.Value;
        Assert.Equal(60, rates.Iops, 9);
        Assert.Equal(2400 * 512 / 10.0, rates.ReadBytesPerSecond, 9);
        Assert.Equal(1600 * 512 / 10.0, rates.WriteBytesPerSecond, 9);
        Assert.Equal((900 + 500 + 600) / 600.0, rates.AwaitMs, 9);
        Assert.Equal(40, rates.UtilisationPct, 9);
        Assert.Equal(2UL, rates.InFlight);
    }

    [Fact]
    public void A_counter_going_backwards_skips_the_interval_and_rates_resume_after()
    {
        using var proc = TestTrees.Scratch();
        var time = new FakeTimeProvider();
        using var table = new DiskStatsTable(proc.Path, time, []);
        foreach (var reads in new[] { 5000, 10, 20 })
        {
            File.WriteAllText(proc.File("diskstats"), $"8 0 sda {reads} 0 0 {reads} 0 0 0 0 0 {reads} 0\n");
            table.Refresh();
            time.Advance(TimeSpan.FromSeconds(1));
        }
        var disk = Assert.Single(table.Current);
        Assert.Equal(10, disk.Rates!.Value.Iops, 9);
    }

    [Fact]
    public void A_missing_file_is_no_data()
    {
        using var empty = TestTrees.Scratch();
        using var table = new DiskStatsTable(empty.Path, TimeProvider.System, []);
        Assert.False(table.Refresh());
    }

    [Fact]
    public void Reads_this_machines_live_diskstats_twice()
    {
        var time = new FakeTimeProvider();
        using var table = new DiskStatsTable("/proc", time, StorageCheckOptions.DefaultIgnoredDevices);
        Assert.True(table.Refresh());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(table.Refresh());
        Assert.All(table.Current, d => Assert.InRange(d.Rates!.Value.UtilisationPct, 0, 100));
        Assert.DoesNotContain(table.Current, d => d.Name.StartsWith("loop", StringComparison.Ordinal));
    }
}

using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Procfs;

public class CpuSplitTests
{
    [Fact]
    public void Splits_the_interval_into_every_field_that_sums_to_100()
    {
        var before = new CpuTimes(100, 10, 100, 700, 100, 5, 5, 0);
        var after = new CpuTimes(140, 20, 130, 720, 110, 10, 15, 15); // +40 +10 +30 +20 +10 +5 +10 +15 = 140
        var split = CpuSplit.Between(before, after);
        Assert.Equal(100.0 * 40 / 140, split.User, 9);
        Assert.Equal(100.0 * 5 / 140, split.Irq, 9);
        Assert.Equal(100.0 * 10 / 140, split.SoftIrq, 9);
        Assert.Equal(100.0 * 15 / 140, split.Steal, 9);
        Assert.Equal(100.0, split.User + split.Nice + split.System + split.Idle + split.IoWait + split.Irq + split.SoftIrq + split.Steal, 9);
        Assert.Equal(100.0 * 110 / 140, split.Busy, 9);
        Assert.Equal(after.SharesSince(before).Busy, split.Busy, 9);
    }

    [Fact]
    public void No_time_passing_is_no_data()
    {
        var t = new CpuTimes(1, 2, 3, 4, 5, 6, 7, 8);
        Assert.False(CpuSplit.Between(t, t).HasData);
        Assert.True(double.IsNaN(CpuSplit.Between(t, t).Busy));
    }
}

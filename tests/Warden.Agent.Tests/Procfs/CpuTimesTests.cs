using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Procfs;

public class CpuTimesTests
{
    [Fact]
    public void Shares_are_taken_over_the_interval_and_exclude_iowait_from_busy()
    {
        var before = new CpuTimes(100, 0, 100, 700, 100, 0, 0, 0);
        var after = new CpuTimes(150, 0, 150, 750, 140, 0, 0, 10); // +50 user +50 sys +50 idle +40 iowait +10 steal
        var shares = after.SharesSince(before);
        Assert.Equal(100.0 * 110 / 200, shares.Busy, 6);   // everything but idle and iowait, steal included
        Assert.Equal(20.0, shares.IoWait, 6);
        Assert.Equal(5.0, shares.Steal, 6);
    }

    [Fact]
    public void No_time_passing_is_no_data()
    {
        var t = new CpuTimes(1, 2, 3, 4, 5, 6, 7, 8);
        Assert.True(double.IsNaN(t.SharesSince(t).Busy));
    }

    [Fact]
    public void A_counter_that_steps_back_counts_as_zero_not_as_a_huge_delta()
    {
        var before = new CpuTimes(1000, 0, 0, 1000, 0, 0, 0, 0);
        var after = new CpuTimes(10, 0, 0, 2100, 0, 0, 0, 0);  // user went backwards, idle forwards
        var shares = after.SharesSince(before);
        Assert.InRange(shares.Busy, 0, 100);
        Assert.Equal(0.0, shares.Busy, 6);
    }
}

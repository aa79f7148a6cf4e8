using Warden.Agent.Streaming;

namespace Warden.Agent.Tests.Streaming;

public class ReconnectBackoffTests
{
    [Fact]
    public void Doubles_from_the_minimum_to_the_cap_with_jitter_within_half_the_delay()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(7));
        double[] ceilings = [1, 2, 4, 8, 16, 30, 30, 30];
        foreach (var ceiling in ceilings)
        {
            var delay = backoff.NextDelay().TotalSeconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
        backoff.Reset();
        Assert.InRange(backoff.NextDelay().TotalSeconds, 0.5, 1);
    }

    [Fact]
    public void A_fleet_does_not_retry_in_lock_step()
    {
        var delays = Enumerable.Range(0, 20)
            .Select(seed => new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(seed)))
            .Select(b => { b.NextDelay(); b.NextDelay(); return b.NextDelay(); })
            .ToList();
        Assert.True(delays.Distinct().Count() > 10);
    }
}

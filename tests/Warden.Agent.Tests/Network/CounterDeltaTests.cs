using Warden.Agent.Network;

namespace Warden.Agent.Tests.Network;

public class CounterDeltaTests
{
    [Theory]
    [InlineData(100UL, 40UL, 60UL)]
    [InlineData(7UL, 7UL, 0UL)]
    [InlineData(ulong.MaxValue, 0UL, ulong.MaxValue)]
    [InlineData(10UL, 4294967290UL, 16UL)]          // a 32-bit counter wrapped: 2^32 - 6 -> 10
    [InlineData(1000UL, 4294000000UL, 968296UL)]    // wrapped with a bigger step
    public void Measures_forward_steps_and_32_bit_wraps(ulong now, ulong then, ulong expected)
    {
        Assert.True(CounterDelta.TryGet(now, then, out var delta));
        Assert.Equal(expected, delta);
    }

    [Theory]
    [InlineData(10UL, 500UL)]                        // re-created interface, small counters
    [InlineData(10UL, 1000000UL)]                    // wrapped step would be almost 2^32
    [InlineData(5UL, 5000000000UL)]                  // a 64-bit counter cannot wrap at 2^32
    [InlineData(0UL, ulong.MaxValue)]
    public void Calls_any_other_step_back_a_reset(ulong now, ulong then)
    {
        Assert.False(CounterDelta.TryGet(now, then, out var delta));
        Assert.Equal(0UL, delta);
    }
}

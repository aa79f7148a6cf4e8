using Warden.Tui.Client;

namespace Warden.Tui.Tests.Client;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Doubles_up_to_the_cap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

        TimeSpan[] delays = [.. Enumerable.Range(0, 5).Select(_ => backoff.Next())];

        Assert.Equal([1, 2, 4, 5, 5], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public void Reset_starts_over_from_the_initial_delay()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        backoff.Next();
        backoff.Next();

        backoff.Reset();

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }
}

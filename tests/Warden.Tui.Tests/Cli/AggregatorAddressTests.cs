using Warden.Tui.Cli;

namespace Warden.Tui.Tests.Cli;

public sealed class AggregatorAddressTests
{
    [Fact]
    public void Flag_wins_over_environment()
    {
        Assert.True(AggregatorAddress.TryResolve("http://flag:1", "http://env:2", out Uri address, out _));
        Assert.Equal("flag", address.Host);
    }

    [Fact]
    public void Environment_wins_over_default()
    {
        Assert.True(AggregatorAddress.TryResolve(null, "http://env:2", out Uri address, out _));
        Assert.Equal("env", address.Host);
    }

    [Fact]
    public void Default_is_the_local_aggregator()
    {
        Assert.True(AggregatorAddress.TryResolve(null, null, out Uri address, out _));
        Assert.Equal(new Uri("http://127.0.0.1:7400"), address);
    }

    [Fact]
    public void A_bad_url_names_where_it_came_from_and_the_value()
    {
        Assert.False(AggregatorAddress.TryResolve(null, "127.0.0.1:7400", out _, out string error));
        Assert.Contains("WARDEN_AGGREGATOR", error);
        Assert.Contains("'127.0.0.1:7400'", error);
    }
}

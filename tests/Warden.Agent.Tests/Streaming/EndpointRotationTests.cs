using Warden.Agent.Streaming;

namespace Warden.Agent.Tests.Streaming;

public class EndpointRotationTests
{
    [Fact]
    public void A_failure_moves_to_the_next_endpoint_and_wraps_round()
    {
        var rotation = new EndpointRotation(["http://a:1", "http://b:1", "http://c:1"], TimeSpan.FromMinutes(5));
        Assert.Equal("http://a:1", rotation.Current);
        rotation.Failed();
        Assert.Equal("http://b:1", rotation.Current);
        rotation.Failed();
        Assert.Equal("http://c:1", rotation.Current);
        rotation.Failed();
        Assert.Equal("http://a:1", rotation.Current);
    }

    [Fact]
    public void Only_a_later_endpoint_has_a_failback_time_and_failing_back_returns_to_the_first()
    {
        var rotation = new EndpointRotation(["http://a:1", "http://b:1"], TimeSpan.FromSeconds(42));
        Assert.Null(rotation.FailbackAfter);
        rotation.Failed();
        Assert.Equal(TimeSpan.FromSeconds(42), rotation.FailbackAfter);
        rotation.FailBack();
        Assert.Equal("http://a:1", rotation.Current);
        Assert.Null(rotation.FailbackAfter);
    }

    [Fact]
    public void A_single_endpoint_is_retried_and_never_fails_back()
    {
        var rotation = new EndpointRotation(["http://a:1"], TimeSpan.FromSeconds(1));
        rotation.Failed();
        Assert.Equal("http://a:1", rotation.Current);
        Assert.Null(rotation.FailbackAfter);
    }
}

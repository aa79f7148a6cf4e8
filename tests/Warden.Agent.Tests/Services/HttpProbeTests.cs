using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Service;
using Warden.Agent.Services;

namespace Warden.Agent.Tests.Services;

public class HttpProbeTests
{
    [Fact]
    public async Task A_200_with_the_expected_body_is_up()
    {
        using var server = new TinyHttpServer(200, "status: ready");
        using var probe = new HttpProbe(server.Url, 200, 399, "ready", false, TimeSpan.FromSeconds(10), TimeProvider.System);

        var result = await probe.ProbeAsync(default);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal("HTTP 200", result.Detail);
    }

    [Fact]
    public async Task A_500_is_down_naming_the_status()
    {
        using var server = new TinyHttpServer(500, "oops");
        using var probe = new HttpProbe(server.Url, 200, 399, null, false, TimeSpan.FromSeconds(10), TimeProvider.System);

        var result = await probe.ProbeAsync(default);

        Assert.False(result.Succeeded);
        Assert.StartsWith("HTTP 500 Status500, expected 200-399", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_the_expected_text_is_down()
    {
        using var server = new TinyHttpServer(200, "status: starting");
        using var probe = new HttpProbe(server.Url, 200, 399, "ready", false, TimeSpan.FromSeconds(10), TimeProvider.System);

        var result = await probe.ProbeAsync(default);

        Assert.False(result.Succeeded);
        Assert.Equal("HTTP 200 but the body lacks \"ready\"", result.Detail);
    }

    [Fact]
    public async Task A_slow_answer_is_judged_by_its_latency()
    {
        using var server = new TinyHttpServer(200, "ok", gated: true);
        var time = new FakeTimeProvider();
        using var probe = new HttpProbe(server.Url, 200, 399, null, false, TimeSpan.FromSeconds(10), time);

        var pending = probe.ProbeAsync(default);
        await server.RequestSeen.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromMilliseconds(750));
        server.Release();
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Succeeded, result.Detail);
        var judged = ProbeCheck.Judge(result, new Threshold(500, 2000));
        Assert.Equal(CheckStatus.Warn, judged.Status);
        Assert.Equal(750, judged.Value);
        Assert.Equal("HTTP 200 in 750 ms", judged.Reason);
    }

    [Fact]
    public async Task No_answer_within_the_limit_is_a_timeout_and_a_closed_port_is_refused()
    {
        using var server = new TinyHttpServer(200, "ok", gated: true);
        var time = new FakeTimeProvider();
        using var probe = new HttpProbe(server.Url, 200, 399, null, false, TimeSpan.FromSeconds(3), time);

        var pending = probe.ProbeAsync(default);
        await server.RequestSeen.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(3));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(result.Succeeded);
        Assert.Equal("no answer within 3 s (timeout)", result.Detail);

        var url = server.Url;
        server.Dispose();
        using var refused = new HttpProbe(url, 200, 399, null, false, TimeSpan.FromSeconds(10), TimeProvider.System);
        var down = await refused.ProbeAsync(default);
        Assert.False(down.Succeeded);
        Assert.Equal("connection refused", down.Detail);
    }
}

using Warden.Agent.Checks;
using Warden.Agent.Checks.Service;
using Warden.Agent.Services;

namespace Warden.Agent.Tests.Checks.Service;

public class ProbeCheckTests
{
    [Theory]
    [InlineData(12, "OK")]
    [InlineData(500, "WARN")]
    [InlineData(1999.9, "WARN")]
    [InlineData(2000, "CRIT")]
    public void Judges_latency_against_warn_and_crit(double ms, string status)
    {
        var result = ProbeCheck.Judge(ProbeResult.Up(TimeSpan.FromMilliseconds(ms), "HTTP 200"), new Threshold(500, 2000));
        Assert.Equal((status, ms), (CheckNames.Of(result.Status), result.Value));
        Assert.Equal("warn ≥ 500 ms, crit ≥ 2000 ms", result.Threshold);
    }

    [Fact]
    public void A_failed_probe_is_crit_with_its_reason_and_no_value()
    {
        var result = ProbeCheck.Judge(ProbeResult.Down(TimeSpan.FromMilliseconds(1), "db:5432: connection refused"), new Threshold(500, 2000));
        Assert.Equal(CheckStatus.Crit, result.Status);
        Assert.True(double.IsNaN(result.Value));
        Assert.Equal("db:5432: connection refused", result.Reason);
    }

    [Fact]
    public async Task The_check_set_builds_one_probe_per_enabled_target()
    {
        using var server = new Warden.Agent.Tests.Services.TinyHttpServer(200, "ok");
        var options = new ServiceCheckOptions
        {
            // Latency levels far out of reach: this test is about which probes are built, and a loaded
            // 2-core machine can stall a loopback connect for most of a second.
            TcpProbes = [new() { Host = "127.0.0.1", Port = server.Url.Port, Name = "web-port", Warn = 20_000, Crit = 30_000 }],
            HttpProbes = [new() { Url = server.Url.ToString(), Warn = 20_000, Crit = 30_000 }, new() { Url = "http://127.0.0.1:1/", Enabled = false }],
        };
        var checks = ServiceCheckSet.Create(options, HostPaths.Live, TimeProvider.System);

        var outcomes = await ServiceUnitCheckTests.Evaluate(checks);

        Assert.Equal(["tcp_probe:web-port", $"http_probe:{server.Url}"], outcomes.Select(o => o.Key));
        Assert.All(outcomes, o => Assert.Equal(CheckStatus.Ok, o.Result.Status));
        Assert.Equal(TimeSpan.FromSeconds(30), checks[0].Interval);
    }
}

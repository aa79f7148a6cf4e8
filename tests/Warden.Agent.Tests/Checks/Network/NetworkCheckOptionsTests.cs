using Microsoft.Extensions.Configuration;
using Warden.Agent.Checks.Network;

namespace Warden.Agent.Tests.Checks.Network;

public class NetworkCheckOptionsTests
{
    [Fact]
    public void The_defaults_have_no_problems()
    {
        Assert.Empty(new NetworkCheckOptions().Problems());
    }

    [Fact]
    public void Binding_overrides_one_level_and_keeps_the_other_defaults()
    {
        var options = Bind(new()
        {
            ["Checks:Network:TcpRetransmits:Warn"] = "3",
            ["Checks:Network:ExpectedUp:0"] = "eth0",
            ["Checks:Network:IgnoreInterfaces:0"] = "wg*",
        });
        Assert.Equal((3.0, 5.0, 5.0), (options.TcpRetransmits.Warn, options.TcpRetransmits.Crit, options.TcpRetransmits.IntervalSeconds));
        Assert.Equal((1.0, 5.0), (options.InterfaceErrors.Warn, options.InterfaceErrors.Crit));
        Assert.Equal(["eth0"], options.ExpectedUp);
        Assert.Equal(["wg*"], options.IgnoreInterfaces);
        Assert.True(options.UseDefaultIgnore);
    }

    [Theory]
    [InlineData("Checks:Network:TcpRetransmits:Warn", "9", "Checks:Network:TcpRetransmits:Warn")]        // above crit
    [InlineData("Checks:Network:InterfaceErrors:Crit", "150", "Checks:Network:InterfaceErrors:Crit")]
    [InlineData("Checks:Network:InterfaceErrors:Warn", "-1", "Checks:Network:InterfaceErrors:Warn")]
    [InlineData("Checks:Network:InterfaceDown:IntervalSeconds", "0", "Checks:Network:InterfaceDown:IntervalSeconds")]
    [InlineData("Checks:Network:ExpectedUp:0", "eth0:1", "Checks:Network:ExpectedUp:0")]
    [InlineData("Checks:Network:ExpectedUp:0", "a-name-far-too-long", "Checks:Network:ExpectedUp:0")]
    [InlineData("Checks:Network:IgnoreInterfaces:0", " ", "Checks:Network:IgnoreInterfaces:0")]
    [InlineData("Checks:Network:InterfaceErrorsMinFrames", "-5", "Checks:Network:InterfaceErrorsMinFrames")]
    [InlineData("Checks:Network:TcpRetransmitsMinSegments", "NaN", "Checks:Network:TcpRetransmitsMinSegments")]
    public void A_bad_value_is_a_problem_that_names_its_key(string key, string value, string named)
    {
        var problem = Assert.Single(Bind(new() { [key] = value }).Problems());
        Assert.StartsWith(named + ":", problem, StringComparison.Ordinal);
        Assert.Contains(value.Trim(), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_factory_creates_only_enabled_checks()
    {
        var paths = Agent.Checks.HostPaths.Live;
        var all = NetworkCheckSet.Create(new NetworkCheckOptions(), paths, TimeProvider.System);
        Assert.Equal(["interface_down", "interface_errors", "tcp_retransmits"], all.Select(c => c.Name));
        Assert.All(all, c => Assert.Equal(Agent.Checks.Component.Network, c.Component));
        Assert.All(all, c => Assert.Equal(TimeSpan.FromSeconds(5), c.Interval));

        var options = Bind(new()
        {
            ["Checks:Network:InterfaceErrors:Enabled"] = "false",
            ["Checks:Network:TcpRetransmits:IntervalSeconds"] = "30",
        });
        var some = NetworkCheckSet.Create(options, paths, TimeProvider.System);
        Assert.Equal(["interface_down", "tcp_retransmits"], some.Select(c => c.Name));
        Assert.Equal(TimeSpan.FromSeconds(30), some[1].Interval);
        foreach (var check in all.Concat(some))
        {
            ((IDisposable)check).Dispose();
        }
    }

    private static NetworkCheckOptions Bind(Dictionary<string, string?> values)
    {
        var options = new NetworkCheckOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Checks:Network").Bind(options);
        return options;
    }
}

using Warden.Agent.Checks.Network;

namespace Warden.Agent.Tests.Checks.Network;

public class InterfaceFilterTests
{
    [Theory]
    [InlineData("veth*", "veth1a2b3c", true)]
    [InlineData("veth*", "veth", true)]
    [InlineData("veth*", "xveth1", false)]
    [InlineData("virbr*-nic", "virbr0-nic", true)]
    [InlineData("virbr*-nic", "virbr0", false)]
    [InlineData("eth?", "eth0", true)]
    [InlineData("eth?", "eth10", false)]
    [InlineData("*", "anything", true)]
    [InlineData("*0*", "br-0ab", true)]
    [InlineData("lo", "lo", true)]
    [InlineData("lo", "LO", false)]
    [InlineData("lo", "lo0", false)]
    [InlineData("a*b*c", "aXXbYYbc", true)]
    [InlineData("a*b*c", "aXXbYYb", false)]
    public void Matches_glob_patterns_case_sensitively(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, InterfaceFilter.Matches(pattern, name));
    }

    [Fact]
    public void The_defaults_skip_loopback_and_container_plumbing_but_not_real_nics()
    {
        var filter = InterfaceFilter.From(new NetworkCheckOptions());
        Assert.All(["lo", "veth9f2", "docker0", "br-1a2b", "virbr0", "vnet3", "tap0", "cali12", "flannel.1", "cni0", "kube-ipvs0", "lxcbr0", "ifb0"],
            name => Assert.True(filter.Ignores(name), name));
        Assert.All(["eth0", "ens3", "enp0s31f6", "bond0", "br0", "wlan0", "wg0", "tun0"],
            name => Assert.False(filter.Ignores(name), name));
    }
}

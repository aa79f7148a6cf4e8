using System.Text;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Network;
using Warden.Agent.Network;
using Warden.Agent.Tests.Network;

namespace Warden.Agent.Tests.Checks.Network;

/// <summary>
/// Real link faults on a veth pair in a namespace of the test's own. They need root and iproute2
/// (build.sh installs it); where namespaces cannot be made the tests fail with the reason, never skip.
/// </summary>
public class InterfaceDownNamespaceTests
{
    [Fact]
    public void A_veth_whose_peer_goes_down_turns_crit_and_recovers()
    {
        Assert.Null(NetworkNamespace.WhyUnavailable);
        using var ns = new NetworkNamespace();
        ns.Ip("link", "add", "wa0", "type", "veth", "peer", "name", "wb0");
        ns.Ip("link", "set", "wa0", "up");
        ns.Ip("link", "set", "wb0", "up");
        var options = new NetworkCheckOptions();
        var paths = new HostPaths("/proc", ns.Sys, "/nonexistent", "/nonexistent");
        using var check = new InterfaceDownCheck(options.InterfaceDown, options.ExpectedUp, InterfaceFilter.From(options), paths);

        // The namespace's lo is down and ignored; both ends come up and become expected.
        Assert.True(NetworkNamespace.Eventually(() => Statuses(check) == "wa0=Ok wb0=Ok"), Statuses(check));

        ns.Ip("link", "set", "wb0", "down");
        Assert.True(NetworkNamespace.Eventually(() => Statuses(check) == "wa0=Crit wb0=Crit"), Statuses(check));
        var outcomes = InterfaceDownCheckTests.Outcomes(check);
        Assert.StartsWith("lowerlayerdown", outcomes[0].Result.Reason, StringComparison.Ordinal);
        Assert.StartsWith("down", outcomes[1].Result.Reason, StringComparison.Ordinal);

        ns.Ip("link", "set", "wb0", "up");
        Assert.True(NetworkNamespace.Eventually(() => Statuses(check) == "wa0=Ok wb0=Ok"), Statuses(check));
    }

    [Fact]
    public void An_interface_deleted_and_created_again_between_reads_is_read_afresh()
    {
        Assert.Null(NetworkNamespace.WhyUnavailable);
        using var ns = new NetworkNamespace();
        ns.Ip("link", "add", "wa0", "type", "veth", "peer", "name", "wb0");
        ns.Ip("link", "set", "wa0", "up");
        using var reader = new InterfaceStateReader(ns.Sys);
        Assert.True(reader.TryRead(out _));
        var before = reader.Links.Single(l => l.Name == "wa0");
        Assert.Equal(OperState.LowerLayerDown, before.State);

        // The kept operstate handle now belongs to a deleted device and answers ENODEV.
        ns.Ip("link", "del", "wa0");
        ns.Ip("link", "add", "wa0", "type", "veth", "peer", "name", "wb0");
        Assert.True(reader.TryRead(out _));
        Assert.Equal(OperState.Down, reader.Links.Single(l => l.Name == "wa0").State);
    }

    [Fact]
    public void The_namespaces_proc_net_dev_lists_its_veth_pair()
    {
        Assert.Null(NetworkNamespace.WhyUnavailable);
        using var ns = new NetworkNamespace();
        ns.Ip("link", "add", "wa0", "type", "veth", "peer", "name", "wb0");
        var table = new NetDevTable();
        Assert.Equal(3, table.Update(Encoding.ASCII.GetBytes(ns.NetDev())));
        Assert.Equal(["lo", "wa0", "wb0"], table.Interfaces.Select(i => i.Name).Order(StringComparer.Ordinal));
    }

    private static string Statuses(ICheck check) =>
        string.Join(' ', InterfaceDownCheckTests.Outcomes(check).Select(o => $"{o.Subject}={o.Result.Status}"));
}

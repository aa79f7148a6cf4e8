using Warden.Agent.Network;

namespace Warden.Agent.Tests.Network;

public class InterfaceStateReaderTests
{
    [Fact]
    public void Reads_state_and_carrier_of_each_interface_sorted_by_name()
    {
        using var sys = new FakeSysNet().Set("eth1", "down", carrier: null).Set("eth0", "up").Set("lo", "unknown").Set("tun0", "unknown", "0");
        using var reader = new InterfaceStateReader(sys.Sys);
        Assert.True(reader.TryRead(out _));
        Assert.Equal(
            [("eth0", OperState.Up, true), ("eth1", OperState.Down, null), ("lo", OperState.Unknown, true), ("tun0", OperState.Unknown, false)],
            reader.Links.Select(l => (l.Name, l.State, l.Carrier)));
    }

    [Fact]
    public void Sees_changes_through_its_kept_handles_and_interfaces_come_and_go()
    {
        using var sys = new FakeSysNet().Set("eth0", "up");
        using var reader = new InterfaceStateReader(sys.Sys);
        reader.TryRead(out _);
        var eth0 = reader.Links[0];

        sys.Set("eth0", "lowerlayerdown", "0").Set("bond0", "up");
        reader.TryRead(out _);
        Assert.Same(eth0, reader.Links.Single(l => l.Name == "eth0"));
        Assert.Equal((OperState.LowerLayerDown, false), (eth0.State, eth0.Carrier));

        sys.Remove("bond0");
        reader.TryRead(out _);
        Assert.Equal(["eth0"], reader.Links.Select(l => l.Name));
    }

    [Fact]
    public void Skips_plain_files_and_keeps_odd_names()
    {
        using var sys = new FakeSysNet().Set(".hidden", "up").Set("wg-é@1", "unknown");
        File.WriteAllText(Path.Combine(sys.ClassNet, "bonding_masters"), "bond0\n");
        using var reader = new InterfaceStateReader(sys.Sys);
        Assert.True(reader.TryRead(out _));
        Assert.Equal([".hidden", "wg-é@1"], reader.Links.Select(l => l.Name));
    }

    [Fact]
    public void Garbage_or_a_missing_operstate_is_no_data_not_a_crash()
    {
        using var sys = new FakeSysNet().Set("eth0", "sideways", "maybe").Set("eth1", "up");
        File.Delete(Path.Combine(sys.ClassNet, "eth1", "operstate"));
        using var reader = new InterfaceStateReader(sys.Sys);
        Assert.True(reader.TryRead(out _));
        Assert.All(reader.Links, l => Assert.Null(l.State));
        Assert.All(reader.Links, l => Assert.Null(l.Carrier));
    }

    [Fact]
    public void A_missing_sys_class_net_is_a_problem_that_names_the_path()
    {
        using var scratch = TestTrees.Scratch();
        using var reader = new InterfaceStateReader(scratch.Path);
        Assert.False(reader.TryRead(out var problem));
        Assert.Contains(Path.Combine(scratch.Path, "class", "net"), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_this_machines_live_sys_class_net()
    {
        using var reader = new InterfaceStateReader("/sys");
        Assert.True(reader.TryRead(out _));
        var lo = reader.Links.Single(l => l.Name == "lo");
        Assert.NotNull(lo.State);
        foreach (var link in reader.Links)
        {
            var expected = File.ReadAllText($"/sys/class/net/{link.Name}/operstate").Trim();
            Assert.Equal(expected, OperStateParser.Name(link.State!.Value));
        }
    }
}

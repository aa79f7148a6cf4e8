using Warden.Agent.Checks;
using Warden.Agent.Checks.Network;
using Warden.Agent.Network;
using Warden.Agent.Tests.Network;

namespace Warden.Agent.Tests.Checks.Network;

public class InterfaceDownCheckTests
{
    [Theory]
    [InlineData("Up", true, "Ok")]
    [InlineData("Unknown", null, "Ok")]          // lo, tun: no link state is not down
    [InlineData("Dormant", true, "Warn")]
    [InlineData("Testing", true, "Warn")]
    [InlineData("Down", false, "Crit")]
    [InlineData("Down", null, "Crit")]
    [InlineData("LowerLayerDown", false, "Crit")]
    [InlineData("NotPresent", null, "Crit")]
    public void Judges_an_expected_interface_by_its_operstate(string state, bool? carrier, string expected)
    {
        var result = InterfaceDownCheck.Judge(Enum.Parse<OperState>(state), carrier);
        Assert.Equal(Enum.Parse<CheckStatus>(expected), result.Status);
        Assert.Equal("expected up", result.Threshold);
        Assert.Equal(result.Status == CheckStatus.Ok ? 1 : 0, result.Value);
    }

    [Fact]
    public void An_unreadable_operstate_is_unknown()
    {
        Assert.Equal(CheckStatus.Unknown, InterfaceDownCheck.Judge(null, null).Status);
    }

    [Fact]
    public void A_cable_pull_on_an_interface_seen_up_is_crit_and_never_up_interfaces_stay_quiet()
    {
        using var sys = new FakeSysNet().Set("lo", "unknown").Set("eth0", "up").Set("eth1", "down", null)
            .Set("ifb0", "down", null).Set("veth12ab", "up").Set("tun0", "unknown", "0");
        using var check = Create(sys, new NetworkCheckOptions());

        Assert.Equal([("eth0", CheckStatus.Ok), ("tun0", CheckStatus.Ok)], Evaluate(check));

        sys.Set("eth0", "down", "0").Set("veth12ab", "down", null);
        var outcomes = Outcomes(check);
        var eth0 = Assert.Single(outcomes, o => o.Subject == "eth0");
        Assert.Equal(CheckStatus.Crit, eth0.Result.Status);
        Assert.Equal("interface_down:eth0", eth0.Key);
        Assert.Equal(Component.Network, eth0.Component);
        Assert.Equal(["eth0", "tun0"], outcomes.Select(o => o.Subject));

        sys.Set("eth1", "up");   // brought up later: expected from now on
        sys.Set("eth0", "up");
        Assert.Equal([("eth0", CheckStatus.Ok), ("eth1", CheckStatus.Ok), ("tun0", CheckStatus.Ok)], Evaluate(check));
        sys.Set("eth1", "lowerlayerdown", "0");
        Assert.Contains(("eth1", CheckStatus.Crit), Evaluate(check));
    }

    [Fact]
    public void An_auto_expected_interface_that_disappears_is_forgotten()
    {
        using var sys = new FakeSysNet().Set("eth0", "up").Set("usb0", "up");
        using var check = Create(sys, new NetworkCheckOptions());
        Evaluate(check);
        sys.Remove("usb0");
        Assert.Equal([("eth0", CheckStatus.Ok)], Evaluate(check));
    }

    [Fact]
    public void Configured_interfaces_are_judged_even_when_first_seen_down_and_missing_is_crit()
    {
        using var sys = new FakeSysNet().Set("eth0", "up").Set("eth1", "down", null).Set("lo", "unknown");
        using var check = Create(sys, new NetworkCheckOptions { ExpectedUp = ["eth1", "eth9", "lo"] });
        var outcomes = Outcomes(check);
        Assert.Equal([("eth1", CheckStatus.Crit), ("eth9", CheckStatus.Crit), ("lo", CheckStatus.Ok)],
            outcomes.Select(o => (o.Subject, o.Result.Status)));
        Assert.Contains("not present", outcomes[1].Result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignore_patterns_add_to_the_defaults_or_replace_them()
    {
        using var sys = new FakeSysNet().Set("lo", "unknown").Set("eth0", "up").Set("wg0", "unknown").Set("veth1", "up");
        using var added = Create(sys, new NetworkCheckOptions { IgnoreInterfaces = ["wg*"] });
        Assert.Equal(["eth0"], Evaluate(added).Select(o => o.Subject));
        using var replaced = Create(sys, new NetworkCheckOptions { IgnoreInterfaces = ["wg*"], UseDefaultIgnore = false });
        Assert.Equal(["eth0", "lo", "veth1"], Evaluate(replaced).Select(o => o.Subject));
    }

    [Fact]
    public void No_sys_class_net_is_unknown_for_every_subject_or_once_for_the_check()
    {
        using var scratch = TestTrees.Scratch();
        var paths = new HostPaths("/nonexistent", scratch.Path, "/nonexistent", "/nonexistent");
        using var configured = (InterfaceDownCheck)NetworkCheckSet.Create(new NetworkCheckOptions { ExpectedUp = ["eth0", "eth1"] }, paths, TimeProvider.System)[0];
        Assert.Equal([("eth0", CheckStatus.Unknown), ("eth1", CheckStatus.Unknown)], Evaluate(configured));
        using var auto = (InterfaceDownCheck)NetworkCheckSet.Create(new NetworkCheckOptions(), paths, TimeProvider.System)[0];
        var only = Assert.Single(Outcomes(auto));
        Assert.Equal(("", CheckStatus.Unknown), (only.Subject, only.Result.Status));
        Assert.Contains("class/net", only.Result.Reason, StringComparison.Ordinal);
    }

    private static InterfaceDownCheck Create(FakeSysNet sys, NetworkCheckOptions options) =>
        new(options.InterfaceDown, options.ExpectedUp, InterfaceFilter.From(options), sys.Paths);

    internal static List<CheckOutcome> Outcomes(ICheck check)
    {
        var results = new List<CheckOutcome>();
        Assert.True(check.EvaluateAsync(results, CancellationToken.None).IsCompletedSuccessfully);
        return results;
    }

    private static List<(string Subject, CheckStatus Status)> Evaluate(ICheck check) =>
        [.. Outcomes(check).Select(o => (o.Subject, o.Result.Status))];
}

using Warden.Agent.Services;

namespace Warden.Agent.Tests.Services;

public class UnitStateParserTests
{
    [Fact]
    public void Reads_the_properties_systemctl_show_prints()
    {
        const string output = "ActiveState=failed\nSubState=failed\nLoadState=loaded\nResult=exit-code\nMainPID=0\n"
            + "NRestarts=5\nExecMainStatus=203\nControlGroup=/system.slice/app.service\n";

        Assert.True(UnitStateParser.TryParse(output, out var unit));
        Assert.Equal(new UnitState("failed", "failed", "loaded", "exit-code", 0, 5, 203, "/system.slice/app.service"), unit);
    }

    [Fact]
    public void Tolerates_crlf_unknown_keys_empty_values_and_equals_in_values()
    {
        const string output = "Foo=bar\r\nActiveState=active\r\nLoadState=loaded\r\nControlGroup=\r\nSubState=a=b\r\nMainPID=99999999999999\r\n";

        Assert.True(UnitStateParser.TryParse(output, out var unit));
        Assert.Equal("active", unit!.ActiveState);
        Assert.Equal("a=b", unit.SubState);
        Assert.Equal("", unit.ControlGroup);
        Assert.Equal(0, unit.MainPid); // too big for a pid: no number rather than a wrong one
    }

    [Theory]
    [InlineData("")]
    [InlineData("System has not been booted with systemd as init system (PID 1). Can't operate.\n")]
    [InlineData("ActiveState=active\n")]
    [InlineData("LoadState=loaded\n=active\n")]
    public void Output_without_active_and_load_state_is_no_answer(string output)
    {
        Assert.False(UnitStateParser.TryParse(output, out _));
    }
}

using Warden.Agent.Configuration;

namespace Warden.Agent.Tests.Healing;

public sealed class HealConfigTests
{
    [Fact]
    public void Heal_rules_bind_from_the_file_with_their_defaults()
    {
        var options = Load("""
            { "Checks": { "Heal": [ { "Check": "process_running:web", "Actions": [
                { "Kind": "restart-unit", "Unit": "web.service" },
                { "Kind": "run", "Command": [ "/usr/local/bin/restart-web", "--now" ] },
                { "Kind": "signal", "ProcessName": "web", "Signal": "HUP" } ] } ],
              "HealBudget": { "MaxRuns": 5 } } }
            """);
        var rule = Assert.Single(options.Checks.Heal);
        Assert.Equal(("process_running:web", 30.0, 2), (rule.Check, rule.TimeoutSeconds, rule.GraceIntervals));
        Assert.Equal(["restart-unit", "run", "signal"], rule.Actions.Select(a => a.Kind));
        Assert.Equal(["/usr/local/bin/restart-web", "--now"], rule.Actions[1].Command);
        Assert.Equal((5, 30.0), (options.Checks.HealBudget.MaxRuns, options.Checks.HealBudget.WindowMinutes));
        Assert.Equal("/usr/bin/systemctl", options.Checks.SystemctlPath);
    }

    [Fact]
    public void Bad_heal_settings_are_refused_naming_each_key()
    {
        var e = Fails("""
            { "Checks": { "Heal": [ { "Check": "web", "GraceIntervals": 0, "Actions": [
                { "Kind": "restart-unit" },
                { "Kind": "run", "Command": [ "restart-web" ] },
                { "Kind": "signal", "ProcessName": "web", "Signal": "BOOM" },
                { "Kind": "reboot" } ] },
                { "Check": "web", "Actions": [], "TimeoutSeconds": -1 } ],
              "HealBudget": { "MaxRuns": 0, "WindowMinutes": 0 }, "SystemctlPath": "systemctl" } }
            """);
        foreach (var expected in (string[])[
            "Checks:Heal:0:Actions:0:Unit:", "Checks:Heal:0:Actions:1:Command: 'restart-web' must be an absolute path",
            "Checks:Heal:0:Actions:2:Signal: 'BOOM'", "Checks:Heal:0:Actions:3:Kind: 'reboot'", "Checks:Heal:0:GraceIntervals: 0",
            "Checks:Heal:1:Check: 'web' already has an earlier heal rule", "Checks:Heal:1:Actions: must list", "Checks:Heal:1:TimeoutSeconds: -1",
            "Checks:HealBudget:MaxRuns: 0", "Checks:HealBudget:WindowMinutes: 0", "Checks:SystemctlPath: 'systemctl'"])
        {
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_other_heal_kinds_bind_with_their_defaults()
    {
        var options = Load("""
            { "Checks": { "Heal": [ { "Check": "directory_size:/var/tmp/app", "Actions": [
                { "Kind": "restart-process", "Cmdline": "/usr/sbin/web *", "Command": [ "/usr/sbin/web", "--daemon" ] },
                { "Kind": "drop-caches" },
                { "Kind": "clean-directory", "Directory": "/var/tmp/app" },
                { "Kind": "kill-largest-in-cgroup", "Cgroup": "system.slice/batch.service" } ] } ] } }
            """);
        var actions = Assert.Single(options.Checks.Heal).Actions;
        Assert.Equal(("/usr/sbin/web *", "TERM", 10.0), (actions[0].Cmdline, actions[0].EffectiveSignal, actions[0].StopSeconds));
        Assert.Equal(1, actions[1].Level);
        Assert.Equal(("*", 60.0, 1L << 30), (actions[2].Pattern, actions[2].OlderThanMinutes, actions[2].MaxBytes));
        Assert.Equal(("system.slice/batch.service", "KILL"), (actions[3].Cgroup, actions[3].EffectiveSignal));
    }

    [Fact]
    public void Bad_settings_of_the_other_kinds_are_refused_naming_key_and_value()
    {
        var e = Fails("""
            { "Checks": { "Heal": [ { "Check": "web", "Actions": [
                { "Kind": "restart-process", "ProcessName": "web", "Cmdline": "web *", "StopSeconds": 0, "Signal": "NOPE", "Command": [ "web" ] },
                { "Kind": "restart-process", "Command": [] },
                { "Kind": "drop-caches", "Level": 4 },
                { "Kind": "clean-directory", "Directory": "var/tmp", "Pattern": "a/*.log", "OlderThanMinutes": -1, "MaxBytes": 0 },
                { "Kind": "clean-directory", "Directory": "/" },
                { "Kind": "clean-directory", "Directory": "/var/../etc" },
                { "Kind": "kill-largest-in-cgroup", "Cgroup": "/" },
                { "Kind": "kill-largest-in-cgroup", "Cgroup": "system.slice/../init.scope", "Signal": "BOOM" } ] } ] } }
            """);
        foreach (var expected in (string[])[
            "Checks:Heal:0:Actions:0:ProcessName: set exactly one of ProcessName ('web') and Cmdline ('web *')",
            "Checks:Heal:0:Actions:0:Signal: 'NOPE'", "Checks:Heal:0:Actions:0:StopSeconds: 0 must be",
            "Checks:Heal:0:Actions:0:Command: 'web' must be an absolute path",
            "Checks:Heal:0:Actions:1:ProcessName: set exactly one", "Checks:Heal:0:Actions:1:Command: must list the program",
            "Checks:Heal:0:Actions:2:Level: 4 must be 1",
            "Checks:Heal:0:Actions:3:Directory: 'var/tmp' must be an absolute path", "Checks:Heal:0:Actions:3:Pattern: 'a/*.log'",
            "Checks:Heal:0:Actions:3:OlderThanMinutes: -1", "Checks:Heal:0:Actions:3:MaxBytes: 0",
            "Checks:Heal:0:Actions:4:Directory: '/' must be a directory below /", "Checks:Heal:0:Actions:5:Directory: '/var/../etc'",
            "Checks:Heal:0:Actions:6:Cgroup: '/' must name a cgroup below the root", "Checks:Heal:0:Actions:7:Cgroup: 'system.slice/../init.scope'",
            "Checks:Heal:0:Actions:7:Signal: 'BOOM'"])
        {
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unknown_key_in_an_action_names_where_it_is()
    {
        var e = Fails("""{ "Checks": { "Heal": [ { "Check": "web", "Actions": [ { "Kind": "run", "Comand": [ "/bin/true" ] } ] } ] } }""");
        Assert.Contains("unknown key 'Comand' in an entry of 'Checks:Heal:N:Actions'", e.Message, StringComparison.Ordinal);
    }

    private static AgentOptions Load(string json)
    {
        using var dir = TestTrees.Scratch();
        File.WriteAllText(dir.File("agent.json"), json);
        return AgentConfigLoader.Load(dir.File("agent.json"));
    }

    private static ConfigException Fails(string json) => Assert.Throws<ConfigException>(() => Load(json));
}

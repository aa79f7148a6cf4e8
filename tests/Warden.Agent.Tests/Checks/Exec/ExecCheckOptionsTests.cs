using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Exec;

namespace Warden.Agent.Tests.Checks.Exec;

public class ExecCheckOptionsTests
{
    private static ExecPluginOptions Load(string name = "load") =>
        new() { Name = name, Command = ["/usr/lib/nagios/plugins/check_load", "-w", "4,3,2", "-c", "8,6,4"] };

    [Fact]
    public void Defaults_are_an_empty_list_and_a_good_entry_has_no_problems()
    {
        Assert.Empty(new ExecCheckOptions().Checks);
        var entry = Load();
        Assert.Equal((60.0, 10.0, "service", true), (entry.IntervalSeconds, entry.TimeoutSeconds, entry.Component, entry.Enabled));
        Assert.Empty(new ExecCheckOptions { Checks = [entry] }.Problems());
    }

    [Fact]
    public void Each_problem_names_the_entry_and_key()
    {
        var o = new ExecCheckOptions
        {
            Checks =
            [
                Load(),
                new() { Name = "load", Command = [] },
                new() { Name = "", Command = ["check_disk"], TimeoutSeconds = 0, Component = "database" },
                new() { Name = "slow", Command = ["/bin/true"], IntervalSeconds = 5, TimeoutSeconds = 30 },
            ],
        };
        var problems = o.Problems().ToList();
        Assert.Contains(problems, p => p.StartsWith("Checks:Exec:1:Name: 'load' is used by an earlier", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Exec:1:Command: must list the program", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Exec:2:Name: must be set", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Exec:2:Command: 'check_disk' must be an absolute path", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Exec:2:TimeoutSeconds: 0 must be a positive", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Exec:2:Component: 'database' must be one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Exec:3:TimeoutSeconds: 30 must not exceed IntervalSeconds 5", StringComparison.Ordinal));
        Assert.Equal(7, problems.Count);
    }

    [Fact]
    public void The_set_holds_the_enabled_entries_with_their_component_and_schedule()
    {
        var disabled = Load("off");
        disabled.Enabled = false;
        var disk = Load("disk");
        disk.Component = "Storage";
        disk.IntervalSeconds = 300;
        var checks = ExecCheckSet.Create(new ExecCheckOptions { Checks = [Load(), disabled, disk] }, new FakeTimeProvider());
        Assert.Equal(["load", "disk"], checks.Select(c => c.Name));
        Assert.Equal([Component.Service, Component.Storage], checks.Select(c => c.Component));
        Assert.Equal(TimeSpan.FromSeconds(300), checks[1].Interval);
    }
}

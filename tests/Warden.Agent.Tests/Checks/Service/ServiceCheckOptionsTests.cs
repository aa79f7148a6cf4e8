using Warden.Agent.Checks.Service;

namespace Warden.Agent.Tests.Checks.Service;

public class ServiceCheckOptionsTests
{
    [Fact]
    public void Defaults_have_no_problems_and_empty_lists()
    {
        var options = new ServiceCheckOptions();
        Assert.Empty(options.Problems());
        Assert.Empty(options.Units);
        Assert.Equal((500.0, 2000.0, 200, 399), (new HttpProbeOptions().Warn, new HttpProbeOptions().Crit, new HttpProbeOptions().StatusMin, new HttpProbeOptions().StatusMax));
    }

    [Fact]
    public void Names_each_bad_key_and_value()
    {
        var options = new ServiceCheckOptions
        {
            Units = [new() { Unit = "", IntervalSeconds = 0 }],
            Processes = [new() { ProcessName = "a", Cmdline = "b*" }, new() { CmdlineRegex = "(", Min = 2, Max = 1 }, new() { }],
            TcpProbes = [new() { Host = "db", Port = 70000, Warn = 3000, Crit = 1000 }],
            HttpProbes = [new() { Url = "x" }, new() { Url = "ftp://host/", StatusMin = 500, StatusMax = 200 }],
        };

        var problems = options.Problems().ToList();

        Assert.Contains("Checks:Service:Units:0:Unit: must name a systemd unit, e.g. 'nginx.service'", problems);
        Assert.Contains("Checks:Service:Units:0:IntervalSeconds: 0 must be a positive number of seconds", problems);
        Assert.Contains("Checks:Service:Processes:0: set only one of ProcessName, Cmdline and CmdlineRegex", problems);
        Assert.Contains(problems, p => p.StartsWith("Checks:Service:Processes:1:CmdlineRegex: '(' is not a regular expression", StringComparison.Ordinal));
        Assert.Contains("Checks:Service:Processes:1:Max: 1 must not be below Min 2", problems);
        Assert.Contains("Checks:Service:Processes:2: set one of ProcessName, Cmdline or CmdlineRegex", problems);
        Assert.Contains("Checks:Service:TcpProbes:0:Port: 70000 is not a TCP port (1-65535)", problems);
        Assert.Contains("Checks:Service:TcpProbes:0: Warn 3000 and Crit 1000 must be milliseconds with Warn not above Crit", problems);
        Assert.Contains("Checks:Service:HttpProbes:0:Url: 'x' is not an absolute http(s) URL", problems);
        Assert.Contains("Checks:Service:HttpProbes:1:Url: 'ftp://host/' is not an absolute http(s) URL", problems);
        Assert.Contains(problems, p => p.StartsWith("Checks:Service:HttpProbes:1: StatusMin 500 and StatusMax 200", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_targets_with_one_subject_are_a_problem()
    {
        var options = new ServiceCheckOptions { TcpProbes = [new() { Host = "db", Port = 5432 }, new() { Host = "db", Port = 5432 }] };
        Assert.Equal(["Checks:Service:TcpProbes: 'db:5432' appears 2 times; give each a distinct Name"], options.Problems());
    }
}

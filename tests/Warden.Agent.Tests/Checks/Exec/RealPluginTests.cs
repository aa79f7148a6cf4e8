using System.Globalization;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Exec;

namespace Warden.Agent.Tests.Checks.Exec;

/// <summary>Debian's monitoring-plugins-basic run as exec checks (the build installs the package).</summary>
public class RealPluginTests
{
    private const string Plugins = "/usr/lib/nagios/plugins/";

    [Theory]
    [InlineData("1000,1000,1000", "2000,2000,2000", "OK", "LOAD OK")]
    [InlineData("0,0,0", "1000,1000,1000", "WARN", "LOAD WARNING")]
    [InlineData("0,0,0", "0,0,0", "CRIT", "LOAD CRITICAL")]
    public async Task Check_load_states_and_perfdata(string warn, string crit, string expected, string text)
    {
        var before = Load1();
        var (outcome, check) = await RunAsync(Plugins + "check_load", "-w", warn, "-c", crit);
        var after = Load1();
        Assert.Equal(expected, CheckNames.Of(outcome.Result.Status));
        Assert.StartsWith(text + " - total load average: ", outcome.Result.Reason, StringComparison.Ordinal);
        Assert.Equal(["load1", "load5", "load15"], check.LastPerfData.Select(p => p.Label));
        var load1 = check.LastPerfData[0];
        Assert.InRange(load1.Value, Math.Min(before, after) - 0.001, Math.Max(before, after) + 0.001);
        Assert.Equal(load1.Value, outcome.Result.Value);
        Assert.Equal(("", Format(warn), Format(crit), 0.0), (load1.Unit, load1.Warn, load1.Crit, load1.Min));
        Assert.Equal($"load1: warn {Format(warn)}, crit {Format(crit)}", outcome.Result.Threshold);
    }

    [Theory]
    [InlineData("0%", "0%", "OK")]        // warn when less than 0 % is free: never
    [InlineData("100%", "0%", "WARN")]
    [InlineData("100%", "100%", "CRIT")]
    public async Task Check_disk_states_and_perfdata_in_bytes(string warn, string crit, string expected)
    {
        var (outcome, check) = await RunAsync(Plugins + "check_disk", "-w", warn, "-c", crit, "-p", "/");
        Assert.Equal(expected, CheckNames.Of(outcome.Result.Status));
        Assert.Contains("free space: / ", outcome.Result.Reason, StringComparison.Ordinal);
        var root = Assert.Single(check.LastPerfData);
        var drive = new DriveInfo("/");
        Assert.Equal(("/", "B", 0.0), (root.Label, root.Unit, root.Min));
        Assert.InRange(root.Max, drive.TotalSize - (1L << 20), drive.TotalSize); // check_disk counts whole MiB
        // Used bytes move with the other builds on this machine; 1 GiB covers that.
        Assert.InRange(root.Value, drive.TotalSize - drive.TotalFreeSpace - (1L << 30), drive.TotalSize - drive.TotalFreeSpace + (1L << 30));
        Assert.Equal(root.Value, outcome.Result.Value);
        var warnBytes = double.Parse(root.Warn, CultureInfo.InvariantCulture);
        Assert.Equal(warn == "100%" ? 0 : drive.TotalSize, warnBytes, drive.TotalSize * 0.01);
    }

    [Fact]
    public async Task A_plugin_that_does_not_exist_is_unknown()
    {
        var (outcome, check) = await RunAsync(Plugins + "check_warden_nonexistent");
        Assert.Equal(CheckStatus.Unknown, outcome.Result.Status);
        Assert.StartsWith("could not start the plugin", outcome.Result.Reason, StringComparison.Ordinal);
        Assert.Empty(check.LastPerfData);
    }

    internal static async Task<(CheckOutcome Outcome, ExecPluginCheck Check)> RunAsync(params string[] command)
    {
        var check = new ExecPluginCheck("plugin", command, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30), Component.Service, TimeProvider.System);
        var results = new List<CheckOutcome>();
        await check.EvaluateAsync(results, CancellationToken.None);
        return (Assert.Single(results), check);
    }

    private static string Format(string levels) =>
        double.Parse(levels.Split(',')[0], CultureInfo.InvariantCulture).ToString("0.000", CultureInfo.InvariantCulture);

    private static double Load1() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}

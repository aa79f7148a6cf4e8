using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Exec;

namespace Warden.Agent.Tests.Checks.Exec;

/// <summary>Plugins that misbehave: hang, exit oddly, flood their output.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class PluginProcessTests
{
    [Fact]
    public async Task A_plugin_past_its_timeout_is_unknown_and_it_and_its_children_are_killed()
    {
        using var scratch = TestTrees.Scratch();
        var script = Script(scratch, "hang", $"echo $$ > {scratch.File("pid")}.tmp; mv {scratch.File("pid")}.tmp {scratch.File("pid")}\nsleep 600 &\necho $! > {scratch.File("child")}.tmp; mv {scratch.File("child")}.tmp {scratch.File("child")}\nwait\n");
        var time = new FakeTimeProvider();
        var check = new ExecPluginCheck("hang", [script], TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2), Component.Service, time);
        var results = new List<CheckOutcome>();
        var evaluation = check.EvaluateAsync(results, CancellationToken.None).AsTask();

        // Wait for the script to be running with its child, then let the fake clock pass the deadline.
        Assert.True(SpinWait.SpinUntil(() => File.Exists(scratch.File("child")), TimeSpan.FromSeconds(30)));
        var pids = new[] { File.ReadAllText(scratch.File("pid")), File.ReadAllText(scratch.File("child")) }.Select(p => int.Parse(p.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.All(pids, pid => Assert.True(Running(pid)));
        Assert.False(evaluation.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        await evaluation.WaitAsync(TimeSpan.FromSeconds(30));

        var result = Assert.Single(results).Result;
        Assert.Equal(CheckStatus.Unknown, result.Status);
        Assert.StartsWith("timed out after 2 s", result.Reason, StringComparison.Ordinal);
        Assert.All(pids, pid => Assert.True(SpinWait.SpinUntil(() => !Running(pid), TimeSpan.FromSeconds(10)), $"process {pid} still runs"));
    }

    [Fact]
    public async Task Exit_code_7_is_unknown_with_the_plugins_text()
    {
        using var scratch = TestTrees.Scratch();
        var (outcome, check) = await RealPluginTests.RunAsync(Script(scratch, "seven", "echo 'ODD - something | v=3'\nexit 7\n"));
        Assert.Equal(CheckStatus.Unknown, outcome.Result.Status);
        Assert.Equal("exit code 7 is not a plugin state: ODD - something", outcome.Result.Reason);
        Assert.Equal(3, outcome.Result.Value);
        Assert.Single(check.LastPerfData);
    }

    [Fact]
    public async Task A_flood_of_output_is_cut_at_64_KiB_and_the_plugin_still_finishes()
    {
        using var scratch = TestTrees.Scratch();
        var script = Script(scratch, "flood", "echo 'FLOOD OK | size=5MB;;;0;'\nhead -c 5000000 /dev/zero | tr '\\0' x\necho\nexit 0\n");
        var run = await PluginRunner.RunAsync([script], TimeSpan.FromSeconds(60), TimeProvider.System, CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Truncated);
        Assert.Equal(PluginRunner.MaxOutputBytes, run.Output.Length);
        var (outcome, check) = await RealPluginTests.RunAsync(script);
        Assert.Equal((CheckStatus.Ok, "FLOOD OK", 5.0), (outcome.Result.Status, outcome.Result.Reason, outcome.Result.Value));
        Assert.Equal("MB", check.LastPerfData[0].Unit);
    }

    [Fact]
    public async Task Arguments_reach_the_plugin_as_given_without_a_shell_and_stdin_is_closed()
    {
        using var scratch = TestTrees.Scratch();
        var script = Script(scratch, "args", "read line || echo 'stdin closed'\nprintf 'ARGS OK - %s|%s\\n' \"$1\" \"$2\"\n");
        var (outcome, check) = await RealPluginTests.RunAsync(script, "$HOME; rm -rf / *", "'a b'=1s;2;3");
        Assert.Equal(CheckStatus.Ok, outcome.Result.Status);
        Assert.Equal("stdin closed", outcome.Result.Reason);
        Assert.Equal("ARGS OK - $HOME; rm -rf / *", check.LastLongText);
        Assert.Equal(new PerfDatum("a b", 1, "s", "2", "3", double.NaN, double.NaN), Assert.Single(check.LastPerfData));
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static string Script(ScratchDirectory scratch, string name, string body)
    {
        var path = scratch.File(name);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    // A zombie waiting for its parent to reap it runs no more.
    private static bool Running(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}

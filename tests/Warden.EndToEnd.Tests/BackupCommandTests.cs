using Warden.EndToEnd.Tests.Harness;
using static Warden.EndToEnd.Tests.Harness.RawAgent;

namespace Warden.EndToEnd.Tests;

/// <summary>`warden-aggregator backup PATH` against a running aggregator and a stopped one, and restoring the copy.</summary>
public class BackupCommandTests
{
    [Fact]
    public async Task A_backup_taken_while_the_aggregator_ingests_restores_with_every_record_acknowledged_before_it()
    {
        using var dir = new ScratchDirectory();
        var state = dir.File("aggregator");
        var copy = dir.File("backup.db");
        using var aggregator = await AggregatorProcess.StartAsync(state);
        using var call = aggregator.AgentLink.Connect();
        await HelloAsync(call, "e2e-backup");
        for (ulong s = 1; s <= 20; s++)
        {
            await call.RequestStream.WriteAsync(Samples(s, cpu: s));
            await NextAckAsync(call);
        }

        var (exit, output) = await RunningProcess.RunAsync("warden-aggregator", "backup", copy, "--state", state, "--listen", aggregator.Address);
        Assert.True(exit == 0, output);
        Assert.Contains("by the running aggregator", output, StringComparison.Ordinal);
        await call.RequestStream.WriteAsync(Samples(21, cpu: 21)); // ingest goes on after the copy
        Assert.Equal((21UL, false), await NextAckAsync(call));

        // Restore: a new aggregator on a state folder holding only the copy.
        var restored = dir.File("restored");
        Directory.CreateDirectory(restored);
        File.Copy(copy, Path.Combine(restored, "warden.db"));
        using var second = await AggregatorProcess.StartAsync(restored);
        var host = await second.FindHostAsync("e2e-backup");
        Assert.Equal(20UL, host!.LastSequence);
        Assert.Equal(20, host.Latest.Single().Last);
        Assert.Equal(0, await second.StopAsync());
        Assert.Equal(Enumerable.Range(1, 20).Select(s => (long)s), StoreFile.SampleSequences(second.DatabasePath, "e2e-backup").Order());
    }

    [Fact]
    public async Task Without_a_running_aggregator_the_command_copies_the_database_itself()
    {
        using var dir = new ScratchDirectory();
        var state = dir.File("aggregator");
        var aggregator = await AggregatorProcess.StartAsync(state);
        using (var call = aggregator.AgentLink.Connect())
        {
            await HelloAsync(call, "e2e-offline");
            await call.RequestStream.WriteAsync(Samples(1, cpu: 7));
            await NextAckAsync(call);
        }
        aggregator.Kill(); // the copy must also carry what a crash left in the log
        aggregator.Dispose();

        var (exit, output) = await RunningProcess.RunAsync("warden-aggregator", "backup", dir.File("copy.db"), "--state", state);
        Assert.True(exit == 0, output);
        Assert.Contains("no aggregator was running", output, StringComparison.Ordinal);
        Assert.Equal([1L], StoreFile.SampleSequences(dir.File("copy.db"), "e2e-offline"));
    }

    [Theory]
    [InlineData("/tmp", "is a directory")]
    [InlineData("/nonexistent-folder-warden/backup.db", "does not exist")]
    public async Task A_bad_backup_path_is_refused_naming_it(string path, string expected)
    {
        using var dir = new ScratchDirectory();
        var (exit, output) = await RunningProcess.RunAsync("warden-aggregator", "backup", path, "--state", dir.Path);
        Assert.Equal(2, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }
}

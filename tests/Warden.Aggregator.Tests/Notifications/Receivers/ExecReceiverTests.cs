using System.Text.Json;
using Warden.Aggregator.Notifications;
using Warden.Aggregator.Notifications.Receivers;

namespace Warden.Aggregator.Tests.Notifications.Receivers;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ExecReceiverTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    [Fact]
    public async Task The_program_reads_the_groups_json_document_on_stdin()
    {
        var output = _dir.File("stdin.json");
        using var receiver = new ExecReceiver(new ExecReceiverOptions { Command = TestScript.Write(_dir, "save.sh", "cat > \"$1\""), Arguments = [output] });

        await receiver.SendAsync(ReceiverTestMessages.Group(), CancellationToken.None);

        using var document = JsonDocument.Parse(File.ReadAllText(output));
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(["a", "b", "c"], root.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("incidentId").GetString()));
        Assert.Equal((2, 1, 4), (root.GetProperty("counts").GetProperty("firing").GetInt32(), root.GetProperty("counts").GetProperty("resolved").GetInt32(),
            root.GetProperty("counts").GetProperty("dropped").GetInt32()));
    }

    [Fact]
    public async Task A_non_zero_exit_is_a_failure_that_carries_the_programs_stderr()
    {
        var command = TestScript.Write(_dir, "fail.sh", "cat > /dev/null\necho 'pager gateway unreachable' >&2\nexit 3");
        using var receiver = new ExecReceiver(new ExecReceiverOptions { Command = command });

        var e = await Assert.ThrowsAsync<ReceiverFailedException>(() => receiver.SendAsync(ReceiverTestMessages.Group(), CancellationToken.None));

        Assert.Contains("exited with code 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("pager gateway unreachable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_that_ignores_stdin_and_succeeds_is_a_success()
    {
        using var receiver = new ExecReceiver(new ExecReceiverOptions { Command = "/bin/true" });

        await receiver.SendAsync(ReceiverTestMessages.Group(), CancellationToken.None);
    }

    [Fact]
    public async Task A_missing_program_is_a_failure_naming_it()
    {
        using var receiver = new ExecReceiver(new ExecReceiverOptions { Command = _dir.File("no-such-pager") });

        var e = await Assert.ThrowsAsync<ReceiverFailedException>(() => receiver.SendAsync(ReceiverTestMessages.Group(), CancellationToken.None));

        Assert.Contains("no-such-pager cannot be started", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_cut_short_is_killed_with_its_children()
    {
        var pids = _dir.File("pids");
        var command = TestScript.Write(_dir, "hang.sh", $"sleep 60 &\necho $$ $! > {pids}\nwait");
        using var receiver = new ExecReceiver(new ExecReceiverOptions { Command = command });
        using var cut = new CancellationTokenSource();

        var run = receiver.SendAsync(ReceiverTestMessages.Group(), cut.Token);
        while (!File.Exists(pids) || File.ReadAllText(pids).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 2)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
        await cut.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        foreach (var pid in File.ReadAllText(pids).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse))
        {
            Assert.False(IsRunning(pid), $"process {pid} still runs");
        }
    }

    // A killed child lingers as a zombie until reaped; that counts as gone.
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        for (var i = 0; i < 100 && File.Exists(stat); i++)
        {
            var text = File.ReadAllText(stat);
            if (text[(text.LastIndexOf(')') + 2)..].StartsWith('Z'))
            {
                return false;
            }
            Thread.Sleep(20);
        }
        return File.Exists(stat);
    }

    public void Dispose() => _dir.Dispose();
}

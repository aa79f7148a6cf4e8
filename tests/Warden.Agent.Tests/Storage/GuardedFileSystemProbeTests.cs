using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Storage;

namespace Warden.Agent.Tests.Storage;

public class GuardedFileSystemProbeTests
{
    [Fact]
    public async Task A_hung_network_mount_times_out_is_not_asked_again_while_stuck_and_answers_once_free()
    {
        var time = new FakeTimeProvider();
        using var release = new ManualResetEventSlim();
        using var hung = new HangingProbe(release);
        var guard = new GuardedFileSystemProbe(hung, TimeSpan.FromSeconds(5), time);
        var nfs = new Mount("/mnt/nfs", "srv:/export", "nfs4", 50, readOnly: false);

        var first = guard.QueryAsync(nfs, CancellationToken.None).AsTask();
        Assert.True(hung.Entered.Wait(TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromSeconds(5)); // fake time: the timeout fires, no waiting
        var timedOut = await first;
        Assert.False(timedOut.Ok);
        Assert.Contains("did not answer within 5 s", timedOut.Error, StringComparison.Ordinal);

        var stuck = await guard.QueryAsync(nfs, CancellationToken.None);
        Assert.Contains("still blocked", stuck.Error, StringComparison.Ordinal);
        Assert.Equal(1, hung.Calls); // no second thread stuck on the same mount

        release.Set();
        Assert.True(hung.Returned.Wait(TimeSpan.FromSeconds(10)));
        // The stuck call has returned; its task completes a moment later on the pool thread.
        var patience = System.Diagnostics.Stopwatch.StartNew();
        GuardedFileSystemProbe.Answer answer;
        do
        {
            await Task.Yield();
            answer = await guard.QueryAsync(nfs, CancellationToken.None);
        }
        while (!answer.Ok && patience.Elapsed < TimeSpan.FromSeconds(10));
        Assert.True(answer.Ok);
    }

    [Fact]
    public async Task A_local_filesystem_is_asked_inline()
    {
        var guard = new GuardedFileSystemProbe(new Statvfs(), TimeSpan.FromSeconds(5), new FakeTimeProvider());
        var answer = await guard.QueryAsync(new Mount("/", "/dev/vda", "ext4", 1, readOnly: false), CancellationToken.None);
        Assert.True(answer.Ok, answer.Error);
        Assert.True(answer.Stats.TotalBytes > 0);
    }

    private sealed class HangingProbe(ManualResetEventSlim release) : IFileSystemProbe, IDisposable
    {
        private int _calls;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Returned { get; } = new();

        public int Calls => Volatile.Read(ref _calls);

        public bool TryQuery(string mountPoint, out FileSystemStats stats, out string error)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                Entered.Set();
                release.Wait(); // like statvfs on a hard NFS mount whose server is gone
                Returned.Set();
            }
            stats = new FileSystemStats(100, 50, 50, 10, 5);
            error = "";
            return true;
        }

        public void Dispose()
        {
            Entered.Dispose();
            Returned.Dispose();
        }
    }
}

using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Configuration;
using Warden.Agent.Hosting;

namespace Warden.Agent.Tests.Hosting;

public class HeapTrimTests
{
    [Fact]
    public void The_collection_runs_once_a_period_on_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        var runs = 0;
        using var trim = HeapTrim.Schedule(new MemoryOptions { CompactHeapEverySeconds = 60 }, time, () => runs++);
        Assert.NotNull(trim);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, runs);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, runs);
        time.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(3, runs);
    }

    [Fact]
    public void Each_run_is_a_full_collection()
    {
        var before = GC.CollectionCount(GC.MaxGeneration);
        HeapTrim.Collect();
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > before);
    }

    [Fact]
    public void Zero_turns_either_off()
    {
        Assert.Null(HeapTrim.Schedule(new MemoryOptions { CompactHeapEverySeconds = 0 }, new FakeTimeProvider()));
        Assert.Null(StartupPages.Schedule(new MemoryOptions { ReleaseStartupPagesAfterSeconds = 0 }, new FakeTimeProvider(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
    }
}

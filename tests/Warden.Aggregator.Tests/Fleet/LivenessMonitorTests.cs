using Warden.Aggregator.Configuration;
using Warden.Aggregator.Storage;
using Warden.Aggregator.Tests.Ingest;
using Warden.Proto.V1;

namespace Warden.Aggregator.Tests.Fleet;

public sealed class LivenessMonitorTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    [Fact]
    public async Task A_host_goes_silent_after_three_of_its_intervals_then_offline_and_back_online_with_its_next_record()
    {
        var observer = new RecordingObserver();
        var options = new AggregatorOptions { Liveness = { OfflineAfterSeconds = 60 } };
        using var pipeline = new IngestPipeline(_dir, options, observer);
        await pipeline.StartWriterAsync();
        await pipeline.Liveness.StartAsync(default);
        await pipeline.SamplesAsync("web-01", 1, cpu: 5, windowSeconds: 2); // ships every 2 s: silent after 6 s

        pipeline.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(HostLivenessState.Online, pipeline.Registry.Find("web-01")!.Liveness);
        pipeline.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HostLivenessState.Silent, pipeline.Registry.Find("web-01")!.Liveness);
        pipeline.Time.Advance(TimeSpan.FromSeconds(54));
        Assert.Equal(HostLivenessState.Offline, pipeline.Registry.Find("web-01")!.Liveness);

        await pipeline.SamplesAsync("web-01", 2, cpu: 5, windowSeconds: 2);
        Assert.Equal(HostLivenessState.Online, pipeline.Registry.Find("web-01")!.Liveness);
        Assert.Equal(["web-01 Silent at 10:00:06", "web-01 Offline at 10:01:00", "web-01 Online at 10:01:00"],
            observer.Calls.Where(c => !c.StartsWith("samples", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_host_whose_open_stream_waits_on_a_full_ingest_queue_is_not_judged_silent()
    {
        using var pipeline = new IngestPipeline(_dir, new AggregatorOptions { Ingest = { QueueCapacity = 1 } });
        await pipeline.StartWriterAsync();
        await pipeline.Liveness.StartAsync(default);
        await pipeline.SamplesAsync("web-01", 1, cpu: 5); // ships every 10 s: silent after 30 s
        await pipeline.SamplesAsync("web-02", 1, cpu: 5);
        pipeline.Registry.StreamOpened("web-01"); // web-02's stream is closed
        await pipeline.Writer.StopAsync(default); // the writer stops taking: the queue fills

        using var giveUp = new CancellationTokenSource();
        var queued = await pipeline.Queue.EnqueueAsync(IngestRecord.Of("web-01", IngestPipeline.Batch(2, 5, pipeline.Time.GetUtcNow()), pipeline.Time.GetUtcNow()), giveUp.Token);
        var waiting = pipeline.Queue.EnqueueAsync(IngestRecord.Of("web-01", IngestPipeline.Batch(3, 5, pipeline.Time.GetUtcNow()), pipeline.Time.GetUtcNow()), giveUp.Token);
        Assert.False(waiting.IsCompleted);
        Assert.True(pipeline.Queue.PushingBack);

        pipeline.Time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(HostLivenessState.Online, pipeline.Registry.Find("web-01")!.Liveness);
        Assert.Equal(HostLivenessState.Silent, pipeline.Registry.Find("web-02")!.Liveness);

        await giveUp.CancelAsync(); // no more pushing back: web-01 now has its three intervals like any host
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        Assert.False(pipeline.Queue.PushingBack);
        pipeline.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(HostLivenessState.Online, pipeline.Registry.Find("web-01")!.Liveness);
        pipeline.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HostLivenessState.Silent, pipeline.Registry.Find("web-01")!.Liveness);
        Assert.False(queued.IsCompleted); // still queued, never taken
    }

    [Fact]
    public async Task Without_a_known_interval_the_configured_one_is_assumed()
    {
        var options = new AggregatorOptions { Liveness = { DefaultShipIntervalSeconds = 20 } };
        using var pipeline = new IngestPipeline(_dir, options);
        await pipeline.StartWriterAsync();
        await pipeline.Liveness.StartAsync(default);
        await pipeline.StoreAsync(Aggregator.Storage.IngestRecord.Of(new Hello { Host = "web-01" }, pipeline.Time.GetUtcNow()));

        pipeline.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HostLivenessState.Online, pipeline.Registry.Find("web-01")!.Liveness);
        pipeline.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HostLivenessState.Silent, pipeline.Registry.Find("web-01")!.Liveness);
    }

    [Fact]
    public async Task A_silent_hosts_checks_are_unknown_and_say_why_until_it_is_heard_again()
    {
        using var pipeline = new IngestPipeline(_dir);
        await pipeline.StartWriterAsync();
        await pipeline.Liveness.StartAsync(default);
        var t0 = pipeline.Time.GetUtcNow();
        await pipeline.StoreAsync(Aggregator.Storage.IngestRecord.Of("web-01", Storage.LiteDbSiteStoreTests.Events(1, t0,
            Storage.LiteDbSiteStoreTests.Transition("disk_space:/var", CheckState.Ok, CheckState.Warn)), t0));

        pipeline.Time.Advance(TimeSpan.FromSeconds(30)); // 3 default intervals of 10 s
        var check = Assert.Single(pipeline.Registry.Checks("web-01")!);
        Assert.Equal((CheckState.Unknown, CheckState.Warn), (check.State, check.ReportedState));
        Assert.StartsWith("host silent: nothing heard since 2026-11-23T10:00:00Z", check.Reason, StringComparison.Ordinal);
        Assert.Equal(1U, pipeline.Registry.Find("web-01")!.Checks.Unknown);

        await pipeline.SamplesAsync("web-01", 2, cpu: 1);
        Assert.Equal(CheckState.Warn, Assert.Single(pipeline.Registry.Checks("web-01")!).State);
    }

    public void Dispose() => _dir.Dispose();
}

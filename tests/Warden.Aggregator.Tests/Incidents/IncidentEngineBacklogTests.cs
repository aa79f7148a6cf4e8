using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Warden.Aggregator.Configuration;
using Warden.Aggregator.Fleet;
using Warden.Aggregator.Incidents;
using Warden.Aggregator.Storage;
using Warden.Aggregator.Tests.Ingest;

namespace Warden.Aggregator.Tests.Incidents;

/// <summary>What the engine queues for its worker per sample batch (the worker is not started here).</summary>
public sealed class IncidentEngineBacklogTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();
    private readonly LiteDbSiteStore _site;

    public IncidentEngineBacklogTests() => _site = new LiteDbSiteStore(_dir.File("warden.db"));

    [Fact]
    public void With_the_recent_window_shared_only_a_hosts_first_batch_is_queued()
    {
        using var engine = Engine(new RecentReadings(new AggregatorOptions()));
        for (ulong i = 1; i <= 100; i++)
        {
            engine.SamplesStored("web-01", IngestPipeline.Batch(i, 1, IngestPipeline.T0), IngestPipeline.T0);
            engine.SamplesStored("web-02", IngestPipeline.Batch(i, 1, IngestPipeline.T0), IngestPipeline.T0);
        }
        Assert.Equal(2L, engine.SamplesQueued);
    }

    [Fact]
    public void Without_it_every_batch_is_queued_for_the_engines_own_window()
    {
        using var engine = Engine(recent: null);
        for (ulong i = 1; i <= 100; i++)
        {
            engine.SamplesStored("web-01", IngestPipeline.Batch(i, 1, IngestPipeline.T0), IngestPipeline.T0);
        }
        Assert.Equal(100L, engine.SamplesQueued);
    }

    private IncidentEngine Engine(IRecentReadings? recent) =>
        new(new LiteDbIncidentStore(_site), _site, new IncidentOptions(), [], new FakeTimeProvider(IngestPipeline.T0), NullLogger<IncidentEngine>.Instance, recent);

    public void Dispose()
    {
        _site.Dispose();
        _dir.Dispose();
    }
}

using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Tests.Storage;

public sealed class RecordEffectsTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_newer_batch_becomes_the_latest_sharing_the_names_the_previous_latest_had()
    {
        var host = new StoredHost { Id = "web-01" };
        RecordEffects.ApplySamples(host, Batch(1, ("cpu.busy_pct", "", 10), ("disk.used_pct", "/var", 40)), Now);
        var first = host.Latest;

        RecordEffects.ApplySamples(host, Batch(2, ("cpu.busy_pct", "", 20), ("disk.used_pct", "/srv", 50)), Now.AddSeconds(10));

        Assert.Equal([("cpu.busy_pct", "", 20.0), ("disk.used_pct", "/srv", 50.0)], host.Latest.Select(r => (r.Name, r.Subject, r.Last)));
        Assert.Same(first[0].Name, host.Latest[0].Name);
        Assert.Same(first[1].Name, host.Latest[1].Name);
        Assert.NotSame(first[1].Subject, host.Latest[1].Subject); // changed: the batch's own string
        Assert.Equal(10, first[0].Last); // the previous latest is left as it was (readers may hold it)
    }

    [Fact]
    public void An_older_batch_resent_does_not_replace_the_latest()
    {
        var host = new StoredHost { Id = "web-01" };
        RecordEffects.ApplySamples(host, Batch(5, ("cpu.busy_pct", "", 10)), Now);
        RecordEffects.ApplySamples(host, Batch(4, ("cpu.busy_pct", "", 99)), Now.AddSeconds(1));

        Assert.Equal(10, host.Latest.Single().Last);
        Assert.Equal(5, host.LastSequence);
    }

    private static SampleBatch Batch(ulong sequence, params (string Name, string Subject, double Value)[] readings)
    {
        var batch = new SampleBatch { Sequence = sequence };
        // Fresh strings, as a parsed message has: equal to the previous batch's, never the same instance.
        batch.Readings.Add(readings.Select(r => new Reading { Name = new string(r.Name.AsSpan()), Subject = new string(r.Subject.AsSpan()), Last = r.Value, Min = r.Value, Max = r.Value, Count = 1 }));
        return batch;
    }
}

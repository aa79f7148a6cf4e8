using Warden.Proto.V1;

namespace Warden.Agent.Streaming;

/// <summary>The spool as the aggregator sees it: agent.spool_* readings in each sample batch.</summary>
internal readonly record struct SpoolHealth(int Records, long Bytes, double OldestUnackedSeconds, long DroppedTotal, int CorruptSegmentsTotal)
{
    public void AddTo(SampleBatch batch)
    {
        batch.Readings.Add(Reading("agent.spool_records", Records));
        batch.Readings.Add(Reading("agent.spool_bytes", Bytes));
        batch.Readings.Add(Reading("agent.spool_oldest_unacked_seconds", OldestUnackedSeconds));
        batch.Readings.Add(Reading("agent.spool_dropped_total", DroppedTotal));
        batch.Readings.Add(Reading("agent.spool_corrupt_segments_total", CorruptSegmentsTotal));
    }

    private static Reading Reading(string name, double value) => new() { Name = name, Last = value, Min = value, Max = value, Count = 1 };
}

using Warden.Proto.V1;

namespace Warden.Aggregator.Storage;

/// <summary>
/// The site's durable state. Every write method returns only after its effect is durable, so the
/// caller may acknowledge the record to the agent (DESIGN.md, "Delivery"). LiteDB implements it
/// now; a replicated engine is a second implementation, not a rewrite.
/// </summary>
public interface ISiteStore : IDisposable
{
    /// <summary>
    /// Stores a batch of records in one durable commit: each (host, sequence) once, a repeat
    /// (stored before, or twice in the batch) reported as a duplicate and not stored.
    /// </summary>
    CommitResult StoreBatch(IReadOnlyList<IngestRecord> records);

    /// <summary>Records (or refreshes) a host's identity from its Hello.</summary>
    StoredHost RecordHello(Hello hello, DateTimeOffset at);

    /// <summary>Stores a sample batch once per (host, sequence); a repeat is reported, not stored.</summary>
    StoreOutcome StoreSamples(string host, SampleBatch batch, DateTimeOffset receivedAt);

    /// <summary>Stores an event batch once per (host, sequence).</summary>
    StoreOutcome StoreEvents(string host, EventBatch batch, DateTimeOffset receivedAt);

    /// <summary>Highest sequence stored for the host, 0 if none.</summary>
    ulong LastSequence(string host);

    IReadOnlyList<StoredHost> Hosts();

    StoredHost? FindHost(string host);

    /// <summary>Current check states, of one host or of all.</summary>
    IReadOnlyList<StoredCheck> Checks(string? host = null);

    /// <summary>The host's sample batches with sequence above <paramref name="afterSequence"/>, oldest first: receipts (host, sequence, received, window), with readings only from pages of storage formats 1 and 2.</summary>
    IReadOnlyList<StoredBatch> Samples(string host, ulong afterSequence = 0, int limit = 1000);

    /// <summary>The host's stored event batches, oldest first.</summary>
    IReadOnlyList<EventBatch> Events(string host);

    /// <summary>
    /// The host's event batches received at or after <paramref name="since"/>, oldest first: what a
    /// report over a period needs, without reading the host's whole history.
    /// </summary>
    IReadOnlyList<EventBatch> EventsReceivedSince(string host, DateTimeOffset since);

    /// <summary>The host's most recent stored event batches, newest (highest sequence) first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<EventBatch> RecentEvents(string host, int limit);

    /// <summary>How many records (sample and event batches) are stored for the host with this sequence.</summary>
    int CountRecords(string host, ulong sequence);

    /// <summary>Deletes at most <paramref name="max"/> sample batches received before the cutoff; returns how many.</summary>
    int DeleteSamplesBefore(DateTimeOffset cutoff, int max);

    /// <summary>Deletes at most <paramref name="max"/> event batches received before the cutoff; returns how many.</summary>
    int DeleteEventsBefore(DateTimeOffset cutoff, int max);

    /// <summary>Writes a consistent copy of the whole database to <paramref name="destination"/>.</summary>
    void Backup(string destination);
}

public enum StoreOutcome
{
    Stored,
    Duplicate,
}

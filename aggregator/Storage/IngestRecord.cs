using Google.Protobuf;
using Warden.Proto.V1;

namespace Warden.Aggregator.Storage;

/// <summary>One thing an agent sent that changes the site's state: its Hello, a sample batch or an event batch.</summary>
public sealed class IngestRecord
{
    private IngestRecord(string host, DateTimeOffset receivedAt)
    {
        Host = host;
        ReceivedAt = receivedAt;
    }

    public string Host { get; }

    public DateTimeOffset ReceivedAt { get; }

    public Hello? Hello { get; private init; }

    public SampleBatch? Samples { get; private init; }

    public EventBatch? Events { get; private init; }

    /// <summary>The event batch in wire form, encoded by the record's stream rather than by the single writer (sample batches are stored as receipts, not encoded).</summary>
    public byte[] Encoded { get; private init; } = [];

    /// <summary>The record's sequence; 0 for a Hello, which has none.</summary>
    public ulong Sequence => Samples?.Sequence ?? Events?.Sequence ?? 0;

    public static IngestRecord Of(Hello hello, DateTimeOffset at) => new(hello.Host, at) { Hello = hello };

    public static IngestRecord Of(string host, SampleBatch batch, DateTimeOffset at) => new(host, at) { Samples = batch };

    public static IngestRecord Of(string host, EventBatch batch, DateTimeOffset at) => new(host, at) { Events = batch, Encoded = batch.ToByteArray() };
}

/// <summary>What one commit did: each record's outcome (in order), and the hosts and checks it changed.</summary>
public sealed record CommitResult(IReadOnlyList<StoreOutcome> Outcomes, IReadOnlyList<StoredHost> Hosts, IReadOnlyList<StoredCheck> Checks);

using Warden.Proto.V1;

namespace Warden.Aggregator.Storage;

/// <summary>
/// One sample batch as stored on a sample page: its receipt (host, sequence, when received, its
/// window), and on pages of formats 1 and 2 its readings in wire form. The id "host/sequence" makes
/// (host, sequence) unique, and orders a host's records by sequence, so per-host queries walk the
/// primary key (event batches use the same ids).
/// </summary>
public sealed class StoredBatch
{
    public string Id { get; set; } = "";

    public string Host { get; set; } = "";

    public long Sequence { get; set; }

    public DateTime WindowStart { get; set; }

    public DateTime WindowEnd { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>The SampleBatch as the agent sent it, on pages of formats 1 and 2; empty on receipt pages (format 3).</summary>
    public byte[] Payload { get; set; } = [];

    /// <summary>Whether the batch's readings were stored (pages of formats 1 and 2).</summary>
    public bool HasReadings => Payload.Length > 0;

    /// <exception cref="InvalidOperationException">The batch was stored as a receipt, without its readings.</exception>
    public SampleBatch ToBatch() => HasReadings
        ? SampleBatch.Parser.ParseFrom(Payload)
        : throw new InvalidOperationException($"the sample batch {Id} was stored as a receipt, without its readings");

    // Zero-padded so that ids sort by sequence within a host.
    public static string IdOf(string host, ulong sequence) => $"{host}/{sequence:D20}";

    /// <summary>The first and last possible id of the host's records.</summary>
    public static (string First, string Last) RangeOf(string host) => (IdOf(host, 0), IdOf(host, ulong.MaxValue));
}

/// <summary>One event batch as stored, kept in its wire form.</summary>
public sealed class StoredEventBatch
{
    public string Id { get; set; } = "";

    public string Host { get; set; } = "";

    public long Sequence { get; set; }

    public DateTime ReceivedAt { get; set; }

    public byte[] Payload { get; set; } = [];
}

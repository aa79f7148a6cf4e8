using Warden.Proto.V1;

namespace Warden.Aggregator.Storage;

/// <summary>
/// One sample batch as stored, its readings kept in wire form (a protobuf payload is several times
/// cheaper to write than a document per reading). The id "host/sequence" makes (host, sequence)
/// unique, and orders a host's batches by sequence, so per-host queries walk the primary key.
/// </summary>
public sealed class StoredBatch
{
    public string Id { get; set; } = "";

    public string Host { get; set; } = "";

    public long Sequence { get; set; }

    public DateTime WindowStart { get; set; }

    public DateTime WindowEnd { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>The SampleBatch as the agent sent it.</summary>
    public byte[] Payload { get; set; } = [];

    public SampleBatch ToBatch() => SampleBatch.Parser.ParseFrom(Payload);

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

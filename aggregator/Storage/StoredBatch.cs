namespace Warden.Aggregator.Storage;

/// <summary>One sample batch as stored. The id "host/sequence" makes (host, sequence) unique.</summary>
public sealed class StoredBatch
{
    public string Id { get; set; } = "";

    public string Host { get; set; } = "";

    public long Sequence { get; set; }

    public DateTime WindowStart { get; set; }

    public DateTime WindowEnd { get; set; }

    public DateTime ReceivedAt { get; set; }

    public List<StoredReading> Readings { get; set; } = [];

    // Zero-padded so that ids sort by sequence within a host.
    public static string IdOf(string host, ulong sequence) => $"{host}/{sequence:D20}";
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

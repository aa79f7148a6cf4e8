using Warden.Proto.V1;

namespace Warden.Aggregator.Storage;

/// <summary>
/// The sample batches of one commit in one document: LiteDB spends tens of microseconds per
/// document, so a page per commit instead of a document per batch is what lets ingest keep up
/// with a fleet. Pages are numbered in commit order, so retention takes the oldest first.
/// </summary>
public sealed class StoredSamplePage
{
    public long Id { get; set; }

    /// <summary>When the newest batch of the page was received.</summary>
    public DateTime To { get; set; }

    /// <summary>Entries: host, sequence, received (UTC ticks), length, SampleBatch bytes (SamplePage.Encode).</summary>
    public byte[] Payload { get; set; } = [];
}

public static class SamplePage
{
    public static byte[] Encode(IEnumerable<StoredBatch> batches)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            foreach (var b in batches)
            {
                writer.Write(b.Host);
                writer.Write(b.Sequence);
                writer.Write(b.ReceivedAt.Ticks);
                writer.Write(b.Payload.Length);
                writer.Write(b.Payload);
            }
        }
        return buffer.ToArray();
    }

    public static IEnumerable<StoredBatch> Decode(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload));
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var host = reader.ReadString();
            var sequence = reader.ReadInt64();
            var received = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
            var bytes = reader.ReadBytes(reader.ReadInt32());
            var batch = SampleBatch.Parser.ParseFrom(bytes);
            yield return new StoredBatch
            {
                Id = StoredBatch.IdOf(host, (ulong)sequence),
                Host = host,
                Sequence = sequence,
                ReceivedAt = received,
                WindowStart = batch.WindowStart?.ToDateTime() ?? received,
                WindowEnd = batch.WindowEnd?.ToDateTime() ?? received,
                Payload = bytes,
            };
        }
    }
}

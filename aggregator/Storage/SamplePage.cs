using Google.Protobuf;
using LiteDB;
using Warden.Proto.V1;

namespace Warden.Aggregator.Storage;

/// <summary>
/// The sample batches of one commit, of every host, in one document: LiteDB spends tens of
/// microseconds per document, so a page per commit is what lets ingest keep up with a fleet.
/// Storage format 3 writes receipt pages (codec "receipts"): per batch only what the site's state
/// needs from it durably, the host, its sequence, when it was received and its window, a few tens
/// of bytes. Its readings live in the fleet's bounded recent window and the hosts' latest readings
/// (DESIGN.md, "What is stored where"). Pages of formats 1 and 2 (codec "") hold the batches in wire
/// form and stay readable until retention takes them. Pages are numbered in commit order, so
/// retention takes the oldest first, and the hosts' state can be replayed from the pages written
/// after it (HostState).
/// </summary>
public sealed class StoredSamplePage
{
    public long Id { get; set; }

    /// <summary>When the newest batch of the page was received.</summary>
    public DateTime To { get; set; }

    /// <summary>How many batches the page holds (0 in pages written before storage format 2: count them by decoding).</summary>
    public int Count { get; set; }

    /// <summary>How Payload is encoded: "receipts" (format 3) or "" (wire batches, formats 1 and 2); others are refused by name.</summary>
    public string Codec { get; set; } = "";

    /// <summary>Entries: host, sequence, received (UTC ticks), then window start and end ticks (receipts) or length and SampleBatch bytes (plain).</summary>
    public byte[] Payload { get; set; } = [];
}

public static class SamplePage
{
    /// <summary>Wire batches: written by formats 1 and 2, read for replay and tools.</summary>
    public const string Plain = "";

    /// <summary>Receipts without readings: written by format 3.</summary>
    public const string Receipts = "receipts";

    // No batch is larger than the largest message an agent may send.
    private const int MaxBatchBytes = 4 * 1024 * 1024;
    private const long MaxTicks = 3155378975999999999;

    /// <summary>A receipt page of the batches (host, sequence, received, window of each; their payloads are not stored).</summary>
    public static StoredSamplePage Create(long id, IReadOnlyList<StoredBatch> batches)
    {
        using var buffer = new MemoryStream(batches.Sum(b => b.Host.Length + 33));
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (var b in batches)
            {
                writer.Write(b.Host);
                writer.Write(b.Sequence);
                writer.Write(b.ReceivedAt.Ticks);
                writer.Write(b.WindowStart.Ticks);
                writer.Write(b.WindowEnd.Ticks);
            }
        }
        return new StoredSamplePage
        {
            Id = id,
            To = batches.Max(b => b.ReceivedAt),
            Count = batches.Count,
            Codec = Receipts,
            Payload = buffer.ToArray(),
        };
    }

    /// <summary>The page's batches, in the order stored (with their payloads only on plain pages).</summary>
    /// <exception cref="StoreFormatException">The page cannot be read: unknown codec, or damaged.</exception>
    public static List<StoredBatch> Decode(StoredSamplePage page) => Decode(page.Id, page.Codec, page.Count, page.Payload);

    /// <summary>The batches of a page read as a plain document (tools and tests that open the file themselves).</summary>
    public static List<StoredBatch> Decode(BsonDocument page) =>
        Decode(page["_id"].AsInt64, page["Codec"].IsString ? page["Codec"].AsString : Plain, page["Count"].IsInt32 ? page["Count"].AsInt32 : 0,
            page["Payload"].IsBinary ? page["Payload"].AsBinary : throw new StoreFormatException($"sample page {page["_id"]} has no payload"));

    /// <summary>How many batches a page read as a plain document holds (format 1 pages are decoded to count them).</summary>
    public static int CountOf(BsonDocument page) =>
        page["Count"].IsInt32 && page["Count"].AsInt32 > 0 ? page["Count"].AsInt32 : Decode(page).Count;

    public static List<StoredBatch> Decode(long id, string codec, int count, byte[] payload)
    {
        Func<BinaryReader, long, StoredBatch> read = codec switch
        {
            Receipts => ReadReceipt,
            Plain => ReadPlain,
            _ => throw new StoreFormatException($"sample page {id} is encoded as '{codec}', which this aggregator cannot read"),
        };
        var batches = new List<StoredBatch>();
        try
        {
            var bytes = new MemoryStream(payload, writable: false);
            using var reader = new BinaryReader(bytes);
            while (bytes.Position < bytes.Length)
            {
                batches.Add(read(reader, id));
            }
            if (count > 0 && batches.Count != count)
            {
                throw new StoreFormatException($"sample page {id} holds {batches.Count} batches, and says it holds {count}");
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidProtocolBufferException
            or (IOException and not StoreFormatException))
        {
            throw new StoreFormatException($"sample page {id} is damaged after {batches.Count} batches: {e.Message}", e);
        }
        return batches;
    }

    private static StoredBatch ReadReceipt(BinaryReader reader, long page)
    {
        var (host, sequence, received) = ReadHead(reader, page);
        var start = ReadTime(reader, page, host, sequence, "window start");
        var end = ReadTime(reader, page, host, sequence, "window end");
        return new StoredBatch
        {
            Id = StoredBatch.IdOf(host, (ulong)sequence), Host = host, Sequence = sequence, ReceivedAt = received, WindowStart = start, WindowEnd = end,
        };
    }

    private static StoredBatch ReadPlain(BinaryReader reader, long page)
    {
        var (host, sequence, received) = ReadHead(reader, page);
        var length = reader.ReadInt32();
        if (length is <= 0 or > MaxBatchBytes)
        {
            throw new StoreFormatException($"sample page {page}: the batch {host}/{sequence} has length {length}");
        }
        var bytes = reader.ReadBytes(length);
        if (bytes.Length != length)
        {
            throw new EndOfStreamException($"the batch {host}/{sequence} has {bytes.Length} of its {length} bytes");
        }
        var batch = SampleBatch.Parser.ParseFrom(bytes);
        return new StoredBatch
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

    private static (string Host, long Sequence, DateTime Received) ReadHead(BinaryReader reader, long page)
    {
        var host = reader.ReadString();
        var sequence = reader.ReadInt64();
        if (sequence <= 0)
        {
            throw new StoreFormatException($"sample page {page}: an entry of '{host}' has sequence {sequence}");
        }
        return (host, sequence, ReadTime(reader, page, host, sequence, "time"));
    }

    private static DateTime ReadTime(BinaryReader reader, long page, string host, long sequence, string what)
    {
        var ticks = reader.ReadInt64();
        return ticks is >= 0 and <= MaxTicks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : throw new StoreFormatException($"sample page {page}: the batch {host}/{sequence} has {what} {ticks}");
    }
}

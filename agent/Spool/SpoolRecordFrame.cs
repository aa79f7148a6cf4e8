using System.Buffers.Binary;

namespace Warden.Agent.Spool;

/// <summary>
/// One record on disk, little-endian:
/// <code>
///   0  u8  magic 0xA7 (format version 1)
///   1  u32 payload length
///   5  u64 sequence
///  13  u8  kind (1 samples, 2 events)
///  14  i64 written at, Unix milliseconds
///  22  u32 CRC-32C of bytes 0..21 and the payload
///  26  payload: the protobuf bytes of the SampleBatch or EventBatch
/// </code>
/// </summary>
internal static class SpoolRecordFrame
{
    public const byte Magic = 0xA7;
    public const int HeaderBytes = 26;

    /// <summary>Larger than any message the aggregator accepts (4 MiB), so a bigger length is damage.</summary>
    public const int MaxPayloadBytes = 8 * 1024 * 1024;

    private const int CrcOffset = 22;

    public static void WriteHeader(Span<byte> header, ulong sequence, SpoolRecordKind kind, long writtenUnixMs, ReadOnlySpan<byte> payload)
    {
        header[0] = Magic;
        BinaryPrimitives.WriteUInt32LittleEndian(header[1..], (uint)payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header[5..], sequence);
        header[13] = (byte)kind;
        BinaryPrimitives.WriteInt64LittleEndian(header[14..], writtenUnixMs);
        var crc = Crc32C.Append(Crc32C.Compute(header[..CrcOffset]), payload);
        BinaryPrimitives.WriteUInt32LittleEndian(header[CrcOffset..], crc);
    }

    /// <summary>Reads the frame at the start of <paramref name="bytes"/>.</summary>
    public static SpoolFrameResult TryRead(ReadOnlySpan<byte> bytes, long offset, out SpoolEntry entry)
    {
        entry = default;
        if (bytes.Length < HeaderBytes)
        {
            return bytes.Length == 0 ? SpoolFrameResult.End : Incomplete(bytes);
        }
        var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[1..]);
        var kind = (SpoolRecordKind)bytes[13];
        if (bytes[0] != Magic || length > MaxPayloadBytes || kind is not (SpoolRecordKind.Samples or SpoolRecordKind.Events))
        {
            return AllZero(bytes) ? SpoolFrameResult.Incomplete : SpoolFrameResult.Corrupt;
        }
        if (bytes.Length < HeaderBytes + (int)length)
        {
            return SpoolFrameResult.Incomplete;
        }
        var payload = bytes.Slice(HeaderBytes, (int)length);
        var crc = Crc32C.Append(Crc32C.Compute(bytes[..CrcOffset]), payload);
        if (crc != BinaryPrimitives.ReadUInt32LittleEndian(bytes[CrcOffset..]))
        {
            return AllZero(bytes) ? SpoolFrameResult.Incomplete : SpoolFrameResult.Corrupt;
        }
        entry = new SpoolEntry(BinaryPrimitives.ReadUInt64LittleEndian(bytes[5..]), kind,
            BinaryPrimitives.ReadInt64LittleEndian(bytes[14..]), offset, (int)length);
        return SpoolFrameResult.Complete;
    }

    // A short header is a torn write; a tail of zeros is what a crash leaves when the file grew
    // but its data never reached the disk. Either is cut, not treated as damage.
    private static SpoolFrameResult Incomplete(ReadOnlySpan<byte> bytes) =>
        bytes[0] == Magic || AllZero(bytes) ? SpoolFrameResult.Incomplete : SpoolFrameResult.Corrupt;

    private static bool AllZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);
}

using System.Text;
using Warden.Agent.Spool;

namespace Warden.Agent.Tests.Spool;

public sealed class SpoolRecordFrameTests
{
    [Fact]
    public void Crc32C_matches_the_standard_check_value()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
    }

    [Fact]
    public void A_frame_reads_back_as_written()
    {
        var frame = Frame(42, SpoolRecordKind.Events, 1_700_000_000_123, "payload"u8);

        Assert.Equal(SpoolFrameResult.Complete, SpoolRecordFrame.TryRead(frame, 100, out var entry));
        Assert.Equal(new SpoolEntry(42, SpoolRecordKind.Events, 1_700_000_000_123, 100, 7), entry);
        Assert.Equal("payload", Encoding.ASCII.GetString(frame, SpoolRecordFrame.HeaderBytes, entry.Length));
    }

    [Theory]
    [InlineData(5)]   // in the sequence
    [InlineData(13)]  // the kind byte
    [InlineData(20)]  // in the timestamp
    [InlineData(27)]  // in the payload
    public void A_flipped_bit_is_damage(int at)
    {
        var frame = Frame(7, SpoolRecordKind.Samples, 1, "payload"u8);
        frame[at] ^= 0x01;
        Assert.Equal(SpoolFrameResult.Corrupt, SpoolRecordFrame.TryRead(frame, 0, out _));
    }

    [Fact]
    public void A_frame_cut_short_is_incomplete_and_nothing_is_the_end()
    {
        var frame = Frame(7, SpoolRecordKind.Samples, 1, "payload"u8);
        for (var length = 1; length < frame.Length; length++)
        {
            Assert.Equal(SpoolFrameResult.Incomplete, SpoolRecordFrame.TryRead(frame.AsSpan(0, length), 0, out _));
        }
        Assert.Equal(SpoolFrameResult.End, SpoolRecordFrame.TryRead([], 0, out _));
        Assert.Equal(SpoolFrameResult.Incomplete, SpoolRecordFrame.TryRead(new byte[64], 0, out _));
        Assert.Equal(SpoolFrameResult.Corrupt, SpoolRecordFrame.TryRead("not a spool record at all, no"u8, 0, out _));
    }

    internal static byte[] Frame(ulong sequence, SpoolRecordKind kind, long written, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[SpoolRecordFrame.HeaderBytes + payload.Length];
        SpoolRecordFrame.WriteHeader(frame, sequence, kind, written, payload);
        payload.CopyTo(frame.AsSpan(SpoolRecordFrame.HeaderBytes));
        return frame;
    }
}

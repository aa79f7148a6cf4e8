namespace Warden.Agent.Spool;

/// <summary>Where one unacknowledged record lies: its segment, the frame's offset and the payload length.</summary>
internal readonly record struct SpoolEntry(ulong Sequence, SpoolRecordKind Kind, long WrittenUnixMs, long Offset, int Length)
{
    public long FrameBytes => SpoolRecordFrame.HeaderBytes + Length;
}

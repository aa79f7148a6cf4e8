namespace Warden.Agent.Spool;

/// <summary>
/// Reads a segment at start-up and repairs it: a torn tail (a record cut short by a kill, or the
/// zeros a crash leaves) is cut off; a damaged record before the end sets the file aside as
/// "*.corrupt" and keeps the complete records before it in a fresh file of the same name.
/// Segments are at most SegmentBytes plus one record, so the file is read whole.
/// </summary>
internal sealed class SpoolSegmentScan
{
    private SpoolSegmentScan(SpoolSegment segment, List<SpoolEntry> records, string? repair, bool corrupt)
    {
        Segment = segment;
        Records = records;
        Repair = repair;
        Corrupt = corrupt;
    }

    public SpoolSegment Segment { get; }

    public List<SpoolEntry> Records { get; }

    /// <summary>What was cut or set aside, for the log; null when the file was whole.</summary>
    public string? Repair { get; }

    public bool Corrupt { get; }

    public static SpoolSegmentScan Read(string path, ulong firstSequence)
    {
        var bytes = File.ReadAllBytes(path);
        var records = new List<SpoolEntry>();
        long offset = 0;
        while (true)
        {
            var result = SpoolRecordFrame.TryRead(bytes.AsSpan((int)offset), offset, out var entry);
            switch (result)
            {
                case SpoolFrameResult.Complete:
                    records.Add(entry);
                    offset += entry.FrameBytes;
                    continue;
                case SpoolFrameResult.End:
                    return new SpoolSegmentScan(SpoolSegment.Existing(path, firstSequence, offset), records, null, corrupt: false);
                case SpoolFrameResult.Incomplete:
                    using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
                    {
                        file.SetLength(offset);
                        file.Flush(flushToDisk: true);
                    }
                    return new SpoolSegmentScan(SpoolSegment.Existing(path, firstSequence, offset), records,
                        $"cut a torn tail of {bytes.Length - offset} bytes at offset {offset} of {path}", corrupt: false);
                default:
                    SetAside(path, bytes.AsSpan(0, (int)offset));
                    return new SpoolSegmentScan(SpoolSegment.Existing(path, firstSequence, offset), records,
                        $"damaged record at offset {offset} of {path}; set the file aside as {path}.corrupt and kept the {records.Count} records before it",
                        corrupt: true);
            }
        }
    }

    private static void SetAside(string path, ReadOnlySpan<byte> wholeRecords)
    {
        var fresh = path + ".tmp";
        using (var file = new FileStream(fresh, FileMode.Create, FileAccess.Write))
        {
            file.Write(wholeRecords);
            file.Flush(flushToDisk: true);
        }
        File.Move(path, path + ".corrupt", overwrite: true);
        File.Move(fresh, path);
    }
}

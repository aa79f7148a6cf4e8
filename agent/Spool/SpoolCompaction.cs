namespace Warden.Agent.Spool;

/// <summary>
/// Rewrites a closed segment with only the records to keep (its events, when its samples are
/// dropped for the quota): the new file is written beside it, synced, then renamed over it, so a
/// crash leaves either the old file or the new one.
/// </summary>
internal static class SpoolCompaction
{
    public static (SpoolSegment Segment, List<SpoolEntry> Kept) Rewrite(SpoolSegment segment, IReadOnlyList<SpoolEntry> keep)
    {
        var bytes = File.ReadAllBytes(segment.Path);
        var kept = new List<SpoolEntry>(keep.Count);
        var fresh = segment.Path + ".tmp";
        long offset = 0;
        using (var file = new FileStream(fresh, FileMode.Create, FileAccess.Write))
        {
            foreach (var entry in keep)
            {
                file.Write(bytes.AsSpan((int)entry.Offset, (int)entry.FrameBytes));
                kept.Add(entry with { Offset = offset });
                offset += entry.FrameBytes;
            }
            file.Flush(flushToDisk: true);
        }
        File.Move(fresh, segment.Path, overwrite: true);
        var rewritten = SpoolSegment.Existing(segment.Path, segment.FirstSequence, offset);
        rewritten.Live = kept.Count;
        rewritten.LiveEvents = kept.Count(e => e.Kind == SpoolRecordKind.Events);
        return (rewritten, kept);
    }
}

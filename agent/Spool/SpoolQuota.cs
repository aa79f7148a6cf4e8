namespace Warden.Agent.Spool;

/// <summary>
/// The segments in sequence order and the disk quota over them. Over the quota the oldest
/// segment holding samples gives them up: deleted whole when it holds no events, otherwise
/// compacted to its events (DESIGN.md, "Delivery": raw samples go first, events are kept). Only
/// when nothing but events is left does the oldest segment go whole. Every record lost is counted.
/// </summary>
internal sealed class SpoolQuota
{
    private readonly List<SpoolSegment> _segments;
    private readonly SortedSet<SpoolEntry> _index;

    public SpoolQuota(List<SpoolSegment> segments, SortedSet<SpoolEntry> index)
    {
        _segments = segments;
        _index = index;
    }

    /// <summary>Frees space until the segments fit <paramref name="maxBytes"/>; returns the records dropped.</summary>
    public long Enforce(long maxBytes)
    {
        long dropped = 0;
        while (_segments.Count > 0 && _segments.Sum(s => s.Length) > maxBytes)
        {
            var victim = _segments.Find(s => s.Live > s.LiveEvents) ?? _segments[0];
            victim.CloseForAppend();
            var entries = EntriesOf(victim);
            var events = entries.Where(e => e.Kind == SpoolRecordKind.Events).ToList();
            if (events.Count == 0 || events.Count == entries.Count)
            {
                dropped += entries.Count;
                Remove(victim);
                continue;
            }
            var (rewritten, kept) = SpoolCompaction.Rewrite(victim, events);
            foreach (var entry in entries)
            {
                _index.Remove(entry);
            }
            _index.UnionWith(kept);
            _segments[_segments.IndexOf(victim)] = rewritten;
            dropped += entries.Count - kept.Count;
        }
        return dropped;
    }

    /// <summary>The segment holding <paramref name="sequence"/>: the last one named at or below it.</summary>
    public SpoolSegment SegmentOf(ulong sequence)
    {
        int lo = 0, hi = _segments.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_segments[mid].FirstSequence <= sequence)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return _segments[lo];
    }

    /// <summary>Deletes a segment and forgets whatever of it was still indexed.</summary>
    public void Remove(SpoolSegment segment)
    {
        foreach (var entry in EntriesOf(segment))
        {
            _index.Remove(entry);
        }
        _segments.Remove(segment);
        try
        {
            segment.Delete();
        }
        catch (IOException)
        {
            // Its records are forgotten already; a file left behind is only read again after a restart.
        }
    }

    private List<SpoolEntry> EntriesOf(SpoolSegment segment)
    {
        var at = _segments.IndexOf(segment);
        var end = at + 1 < _segments.Count ? _segments[at + 1].FirstSequence - 1 : ulong.MaxValue;
        if (_index.Count == 0 || segment.FirstSequence > end)
        {
            return [];
        }
        return [.. _index.GetViewBetween(new SpoolEntry(segment.FirstSequence, default, 0, 0, 0), new SpoolEntry(end, default, 0, 0, 0))];
    }
}

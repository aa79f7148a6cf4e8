namespace Warden.Aggregator.Storage;

/// <summary>A run of stored sequences, First..Last inclusive.</summary>
public sealed class SequenceRange
{
    public long First { get; set; }

    public long Last { get; set; }
}

/// <summary>
/// The sequences stored for a host, as sorted disjoint runs: in-order arrival keeps one run, and each
/// gap (samples the agent's spool dropped) adds one. Exact dedupe without a document per record.
/// </summary>
internal static class SequenceRanges
{
    public static bool Contains(List<SequenceRange> runs, long sequence)
    {
        foreach (var run in runs)
        {
            if (sequence >= run.First && sequence <= run.Last)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Adds a sequence (in place), merging runs that touch.</summary>
    public static void Add(List<SequenceRange> runs, long sequence)
    {
        if (runs.Count > 0 && runs[^1].Last + 1 == sequence)
        {
            runs[^1].Last = sequence; // the usual case: the next in order
            return;
        }
        var at = runs.FindIndex(r => sequence < r.First);
        runs.Insert(at < 0 ? runs.Count : at, new SequenceRange { First = sequence, Last = sequence });
        for (var i = runs.Count - 1; i > 0; i--)
        {
            if (runs[i - 1].Last + 1 >= runs[i].First)
            {
                runs[i - 1].Last = Math.Max(runs[i - 1].Last, runs[i].Last);
                runs.RemoveAt(i);
            }
        }
    }
}

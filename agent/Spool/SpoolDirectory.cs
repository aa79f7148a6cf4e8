using System.Buffers.Text;
using System.Text;

namespace Warden.Agent.Spool;

/// <summary>
/// Opens the spool folder: every "NNNNNNNNNNNNNNNNNNNN.seg" is scanned and repaired (see
/// <see cref="SpoolSegmentScan"/>); a leftover "*.tmp" of an interrupted compaction is removed
/// (the segment it would have replaced is still whole); anything else is left alone.
/// </summary>
internal static class SpoolDirectory
{
    public static (List<SpoolSegment> Segments, SortedSet<SpoolEntry> Index, List<string> Repairs, int Corrupt) Load(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var found = new List<(ulong First, string Path)>();
        foreach (var path in System.IO.Directory.EnumerateFiles(directory))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(SpoolSegment.Extension + ".tmp", StringComparison.Ordinal))
            {
                File.Delete(path);
            }
            else if (TryParseName(name, out var first))
            {
                found.Add((first, path));
            }
        }
        found.Sort((a, b) => a.First.CompareTo(b.First));

        var segments = new List<SpoolSegment>();
        var index = new SortedSet<SpoolEntry>(SpoolEntryOrder.Instance);
        var repairs = new List<string>();
        var corrupt = 0;
        foreach (var (first, path) in found)
        {
            var scan = SpoolSegmentScan.Read(path, first);
            corrupt += scan.Corrupt ? 1 : 0;
            if (scan.Repair is not null)
            {
                repairs.Add(scan.Repair);
            }
            var fresh = scan.Records.Where(r => r.Sequence >= first && index.Add(r)).ToList();
            if (fresh.Count == 0)
            {
                File.Delete(path);
                continue;
            }
            scan.Segment.Live = fresh.Count;
            scan.Segment.LiveEvents = fresh.Count(r => r.Kind == SpoolRecordKind.Events);
            segments.Add(scan.Segment);
        }
        return (segments, index, repairs, corrupt);
    }

    private static bool TryParseName(string name, out ulong first)
    {
        first = 0;
        if (name.Length != 20 + SpoolSegment.Extension.Length || !name.EndsWith(SpoolSegment.Extension, StringComparison.Ordinal))
        {
            return false;
        }
        var digits = Encoding.ASCII.GetBytes(name[..20]);
        return Utf8Parser.TryParse(digits, out first, out var used) && used == 20;
    }
}

using System.Buffers.Text;
using System.Text;

namespace Warden.Agent.Spool;

/// <summary>
/// Opens the spool folder: every "NNNNNNNNNNNNNNNNNNNN.seg" is scanned and repaired (see
/// <see cref="SpoolSegmentScan"/>); a leftover "*.tmp" of an interrupted rewrite is removed or,
/// where its segment is gone, put in its place; anything else is left alone.
/// </summary>
internal static class SpoolDirectory
{
    public static (List<SpoolSegment> Segments, SortedSet<SpoolEntry> Index, List<string> Repairs, int Corrupt) Load(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var found = new List<(ulong First, string Path)>();
        foreach (var file in System.IO.Directory.GetFiles(directory))
        {
            var path = file;
            var name = Path.GetFileName(path);
            if (name.EndsWith(SpoolSegment.Extension + ".tmp", StringComparison.Ordinal))
            {
                // A compaction's tmp is stale beside its whole segment; a set-aside's tmp that lost
                // its segment (killed between the two renames) is the segment's good records.
                var segment = path[..^".tmp".Length];
                if (File.Exists(segment))
                {
                    File.Delete(path);
                    continue;
                }
                File.Move(path, segment);
                path = segment;
                name = Path.GetFileName(segment);
            }
            if (TryParseName(name, out var first))
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
            SpoolSegmentScan scan;
            try
            {
                scan = SpoolSegmentScan.Read(path, first);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable (or too big to be a segment): set aside whole, so the next start does not fail again.
                File.Move(path, path + ".corrupt", overwrite: true);
                repairs.Add($"could not read {path} ({e.Message}); set it aside as {path}.corrupt");
                corrupt++;
                continue;
            }
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

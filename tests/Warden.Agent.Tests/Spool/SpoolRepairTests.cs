using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Configuration;
using Warden.Agent.Spool;

namespace Warden.Agent.Tests.Spool;

/// <summary>What a restart finds after kill -9 or a damaged disk: never an exception, never a crash loop.</summary>
public sealed class SpoolRepairTests : IDisposable
{
    private const int FrameBytes = SpoolRecordFrame.HeaderBytes + 100;
    private readonly ScratchDirectory _dir = TestTrees.Scratch();
    private readonly SpoolOptions _options = new() { SegmentBytes = 1 << 20, MaxBytes = 1 << 22 };

    private RecordSpool Open() => RecordSpool.Open(_dir.Path, _options, new FakeTimeProvider());

    private string Segment => Path.Combine(_dir.Path, "00000000000000000001.seg");

    private void Write(int records)
    {
        using var spool = Open();
        for (ulong s = 1; s <= (ulong)records; s++)
        {
            spool.Append(s, SpoolRecordKind.Samples, new byte[100]);
        }
    }

    private static List<ulong> Sequences(RecordSpool spool) => [.. spool.ReadAfter(0, int.MaxValue).Select(r => r.Entry.Sequence)];

    [Fact]
    public void A_tail_torn_at_any_byte_is_cut_and_every_whole_record_kept()
    {
        Write(3);
        var whole = File.ReadAllBytes(Segment);
        for (var cut = 2 * FrameBytes + 1; cut < whole.Length; cut++)
        {
            File.WriteAllBytes(Segment, whole[..cut]);
            using (var spool = Open())
            {
                Assert.Equal([1UL, 2UL], Sequences(spool));
                Assert.Equal(0, spool.CorruptSegments);
                Assert.Single(spool.Repairs);
                Assert.True(spool.Append(3, SpoolRecordKind.Samples, new byte[100]), $"append after a cut at {cut}");
            }
            Assert.Equal(2L * FrameBytes, new FileInfo(Segment).Length); // cut back to the whole records
            using var again = Open();
            Assert.Equal([1UL, 2UL, 3UL], Sequences(again));
            Assert.Empty(again.Repairs);
            File.Delete(Path.Combine(_dir.Path, "00000000000000000003.seg"));
        }
    }

    [Fact]
    public void A_tail_of_zeros_left_by_a_crash_is_cut_as_torn()
    {
        Write(2);
        using (var file = new FileStream(Segment, FileMode.Append))
        {
            file.Write(new byte[500]);
        }
        using var spool = Open();
        Assert.Equal([1UL, 2UL], Sequences(spool));
        Assert.Equal(0, spool.CorruptSegments);
        Assert.Equal(2L * FrameBytes, new FileInfo(Segment).Length);
    }

    [Fact]
    public void A_damaged_record_in_the_middle_sets_the_segment_aside_counts_it_and_keeps_what_came_before()
    {
        Write(3);
        var bytes = File.ReadAllBytes(Segment);
        bytes[FrameBytes + SpoolRecordFrame.HeaderBytes + 10] ^= 0xFF; // inside record 2's payload
        File.WriteAllBytes(Segment, bytes);

        using (var spool = Open())
        {
            Assert.Equal([1UL], Sequences(spool));
            Assert.Equal(1, spool.CorruptSegments);
            Assert.Contains("corrupt", spool.Repairs.Single(), StringComparison.Ordinal);
            Assert.True(spool.Append(4, SpoolRecordKind.Events, new byte[10]));
            Assert.Equal([1UL, 4UL], Sequences(spool));
        }
        Assert.Equal(bytes, File.ReadAllBytes(Segment + ".corrupt"));
        using var again = Open();
        Assert.Equal([1UL, 4UL], Sequences(again));
        Assert.Equal(0, again.CorruptSegments);
    }

    [Fact]
    public void A_garbage_segment_an_empty_segment_and_stray_files_do_not_stop_the_spool()
    {
        Write(2);
        File.WriteAllText(Path.Combine(_dir.Path, "00000000000000000005.seg"), "this is not a spool segment, it is garbage");
        File.WriteAllBytes(Path.Combine(_dir.Path, "00000000000000000009.seg"), []);
        File.WriteAllText(Path.Combine(_dir.Path, "notes.txt"), "an operator's file");
        File.WriteAllText(Path.Combine(_dir.Path, "00000000000000000001.seg.tmp"), "an interrupted compaction");

        using var spool = Open();
        Assert.Equal([1UL, 2UL], Sequences(spool));
        Assert.Equal(1, spool.CorruptSegments);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "00000000000000000005.seg.corrupt")));
        Assert.False(File.Exists(Path.Combine(_dir.Path, "00000000000000000009.seg")));
        Assert.False(File.Exists(Path.Combine(_dir.Path, "00000000000000000001.seg.tmp")));
        Assert.True(File.Exists(Path.Combine(_dir.Path, "notes.txt")));
        Assert.True(spool.Append(10, SpoolRecordKind.Samples, new byte[100]));
        Assert.Equal([1UL, 2UL, 10UL], Sequences(spool));
    }

    [Fact]
    public void A_kill_between_the_renames_of_a_set_aside_leaves_the_good_records_in_the_tmp_file_and_they_are_kept()
    {
        Write(2);
        File.Move(Segment, Segment + ".tmp");
        using var spool = Open();
        Assert.Equal([1UL, 2UL], Sequences(spool));
        Assert.True(File.Exists(Segment));
    }

    public void Dispose() => _dir.Dispose();
}

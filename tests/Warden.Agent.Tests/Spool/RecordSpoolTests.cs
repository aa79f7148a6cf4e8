using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Configuration;
using Warden.Agent.Spool;

namespace Warden.Agent.Tests.Spool;

public sealed class RecordSpoolTests : IDisposable
{
    private readonly ScratchDirectory _dir = TestTrees.Scratch();
    private readonly FakeTimeProvider _time = new();
    private readonly SpoolOptions _options = new() { SegmentBytes = 4096, MaxBytes = 1 << 20, Fsync = SpoolFsync.Always };

    private RecordSpool Open() => RecordSpool.Open(_dir.Path, _options, _time);

    private static byte[] Payload(ulong sequence, int size = 100) => [.. Enumerable.Repeat((byte)sequence, size)];

    private static void Fill(RecordSpool spool, ulong from, ulong to, Func<ulong, SpoolRecordKind>? kind = null, int size = 100)
    {
        for (var s = from; s <= to; s++)
        {
            Assert.True(spool.Append(s, kind?.Invoke(s) ?? SpoolRecordKind.Samples, Payload(s, size)));
        }
    }

    private static List<ulong> Sequences(RecordSpool spool) => [.. spool.ReadAfter(0, int.MaxValue).Select(r => r.Entry.Sequence)];

    private string[] Segments() => [.. Directory.GetFiles(_dir.Path, "*.seg").Select(Path.GetFileName).Order()!];

    [Fact]
    public void Records_survive_a_reopen_with_their_payloads()
    {
        using (var spool = Open())
        {
            Fill(spool, 1, 5);
        }
        using var reopened = Open();
        var back = reopened.ReadAfter(2, 10);
        Assert.Equal([3UL, 4UL, 5UL], back.Select(r => r.Entry.Sequence));
        Assert.Equal(Payload(4), back[1].Payload);
        Assert.Equal(5UL, reopened.Highest);
        Assert.Empty(reopened.Repairs);
    }

    [Fact]
    public void Appends_roll_to_a_new_segment_named_by_its_first_sequence()
    {
        using var spool = Open();
        Fill(spool, 1, 100); // 126 bytes a frame, 4096 a segment: 33 frames each
        Assert.Equal(["00000000000000000001.seg", "00000000000000000034.seg", "00000000000000000067.seg", "00000000000000000100.seg"], Segments());
        Assert.Equal(100, spool.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (ulong)i), Sequences(spool));
    }

    [Fact]
    public void A_segment_is_deleted_once_all_its_records_are_acknowledged_and_a_reopen_keeps_only_the_rest()
    {
        using (var spool = Open())
        {
            Fill(spool, 1, 70);
            for (ulong s = 1; s <= 40; s++)
            {
                spool.Acknowledge(s);
            }
            Assert.Equal(["00000000000000000034.seg", "00000000000000000067.seg"], Segments());
            Assert.Equal(30, spool.Count);
        }
        using var reopened = Open();
        // Acknowledgements are not written down: 34..40 are sent again and acknowledged as duplicates.
        Assert.Equal(Enumerable.Range(34, 37).Select(i => (ulong)i), Sequences(reopened));
    }

    [Fact]
    public void Over_the_quota_the_oldest_samples_go_first_and_events_are_kept_and_counted()
    {
        _options.MaxBytes = 3 * 4096;
        using var spool = Open();
        static SpoolRecordKind EveryTenthAnEvent(ulong s) => s % 10 == 0 ? SpoolRecordKind.Events : SpoolRecordKind.Samples;
        Fill(spool, 1, 200, EveryTenthAnEvent);

        Assert.True(spool.Bytes <= _options.MaxBytes, $"{spool.Bytes} bytes over a quota of {_options.MaxBytes}");
        var kept = spool.ReadAfter(0, int.MaxValue);
        Assert.Equal(200 - kept.Count, spool.Dropped);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (ulong)(i * 10)),
            kept.Where(r => r.Entry.Kind == SpoolRecordKind.Events).Select(r => r.Entry.Sequence));
        Assert.Contains(200UL, kept.Select(r => r.Entry.Sequence)); // the newest samples stay
        Assert.DoesNotContain(1UL, kept.Select(r => r.Entry.Sequence));
        Assert.True(kept.All(r => r.Payload.SequenceEqual(Payload(r.Entry.Sequence))));

        using var reopened = OpenAgain(spool);
        Assert.Equal(kept.Select(r => r.Entry.Sequence), Sequences(reopened));
    }

    [Fact]
    public void A_quota_holding_only_events_drops_the_oldest_events_rather_than_grow()
    {
        _options.MaxBytes = 2 * 4096;
        using var spool = Open();
        Fill(spool, 1, 200, _ => SpoolRecordKind.Events);
        Assert.True(spool.Bytes <= _options.MaxBytes);
        Assert.Equal(200 - spool.Count, spool.Dropped);
        Assert.Equal(200UL, Sequences(spool)[^1]);
    }

    [Fact]
    public void Fsync_never_and_batch_still_keep_every_record_across_a_reopen()
    {
        foreach (var policy in new[] { SpoolFsync.Never, SpoolFsync.Batch })
        {
            _options.Fsync = policy;
            using (var spool = Open())
            {
                Fill(spool, 1, 3);
            }
            using var reopened = Open();
            Assert.Equal([1UL, 2UL, 3UL], Sequences(reopened));
            foreach (var file in Directory.GetFiles(_dir.Path))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void A_record_that_cannot_be_written_is_counted_as_dropped_with_the_reason_and_the_spool_goes_on()
    {
        using var spool = Open();
        Directory.CreateDirectory(Path.Combine(_dir.Path, "00000000000000000034.seg")); // in the way of the roll at 34
        Fill(spool, 1, 33);

        Assert.False(spool.Append(34, SpoolRecordKind.Samples, Payload(34)));
        Assert.Equal(1, spool.Dropped);
        Assert.Contains("record 34", spool.TakeError(), StringComparison.Ordinal);
        Assert.Null(spool.TakeError());

        Assert.True(spool.Append(35, SpoolRecordKind.Samples, Payload(35)));
        Assert.Equal(Enumerable.Range(1, 33).Select(i => (ulong)i).Append(35UL), Sequences(spool));
    }

    private RecordSpool OpenAgain(RecordSpool spool)
    {
        spool.Dispose();
        return Open();
    }

    public void Dispose() => _dir.Dispose();
}

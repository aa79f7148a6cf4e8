using Google.Protobuf;
using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Configuration;
using Warden.Agent.Spool;
using Warden.Agent.State;
using Warden.Agent.Streaming;
using Warden.Proto.V1;

namespace Warden.Agent.Tests.Streaming;

public sealed class PendingRecordsTests : IDisposable
{
    private readonly ScratchDirectory _dir = TestTrees.Scratch();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly SequenceCounter _counter;
    private readonly RecordSpool _spool;

    public PendingRecordsTests()
    {
        _counter = SequenceCounter.Open(_dir.Path);
        _spool = OpenSpool();
    }

    private string SpoolPath => Path.Combine(_dir.Path, "spool");

    private RecordSpool OpenSpool() => RecordSpool.Open(SpoolPath, new SpoolOptions { SegmentBytes = 4096, MaxBytes = 8192 }, _time);

    [Fact]
    public void Records_made_before_the_sequence_is_known_wait_unnumbered_then_number_in_order()
    {
        var pending = new PendingRecords(_counter, _spool, 1 << 20);
        pending.Add(new SampleBatch());
        pending.Add(new SampleBatch());
        Assert.Empty(pending.NumberedAfter(0));
        Assert.Equal(2, pending.Count);

        _counter.EnsureAbove(7);
        pending.NumberUnnumbered();
        pending.Add(new SampleBatch());

        Assert.Equal([8UL, 9UL, 10UL], pending.NumberedAfter(0).Select(PendingRecords.Sequence));
    }

    [Fact]
    public void An_acknowledged_record_is_forgotten_and_the_rest_kept()
    {
        _counter.EnsureAbove(0);
        var pending = new PendingRecords(_counter, _spool, 1 << 20);
        for (var i = 0; i < 3; i++)
        {
            pending.Add(new SampleBatch());
        }
        pending.Acknowledge(2);
        Assert.Equal([1UL, 3UL], pending.NumberedAfter(0).Select(PendingRecords.Sequence));
        Assert.Equal(2UL, pending.LastAcknowledged);
        Assert.Equal([3UL], pending.NumberedAfter(1).Select(PendingRecords.Sequence));
        Assert.Equal([1UL], pending.NumberedAfter(0, max: 1).Select(PendingRecords.Sequence));
    }

    [Fact]
    public void Records_read_back_from_the_spool_carry_their_content_and_kind()
    {
        _counter.EnsureAbove(0);
        var pending = new PendingRecords(_counter, _spool, 1 << 20);
        var samples = new SampleBatch();
        samples.Readings.Add(new Reading { Name = "cpu.busy_pct", Last = 42 });
        pending.Add(samples);
        pending.Add(new EventBatch { Events = { new Event { CheckTransition = new CheckTransition { Check = "disk_space:/" } } } });

        var back = pending.NumberedAfter(0);
        Assert.Equal(42, back[0].Samples.Readings.Single().Last);
        Assert.Equal("disk_space:/", back[1].Events.Events.Single().CheckTransition.Check);
        Assert.Equal(2UL, back[1].Events.Sequence);
    }

    [Fact]
    public void Unnumbered_records_past_the_bound_drop_samples_first_and_keep_events()
    {
        var pending = new PendingRecords(_counter, _spool, maxUnnumberedBytes: 300);
        var events = new EventBatch { Events = { new Event { CheckTransition = new CheckTransition { Reason = new string('e', 100) } } } };
        pending.Add(events);
        for (var i = 0; i < 5; i++)
        {
            var batch = new SampleBatch();
            batch.Readings.Add(new Reading { Name = new string('s', 100) });
            pending.Add(batch);
        }
        Assert.True(pending.Dropped >= 3);
        _counter.EnsureAbove(0);
        pending.NumberUnnumbered();
        var kept = pending.NumberedAfter(0);
        Assert.Equal(AgentMessage.BodyOneofCase.Events, kept[0].BodyCase);
    }

    [Fact]
    public void Health_reports_the_spools_records_bytes_and_age()
    {
        _counter.EnsureAbove(0);
        var pending = new PendingRecords(_counter, _spool, 1 << 20);
        pending.Add(new SampleBatch());
        _time.Advance(TimeSpan.FromSeconds(30));
        pending.Add(new SampleBatch());
        var batch = new SampleBatch();
        pending.Health(_time.GetUtcNow()).AddTo(batch);

        double Value(string name) => batch.Readings.Single(r => r.Name == name).Last;
        Assert.Equal(2, Value("agent.spool_records"));
        Assert.True(Value("agent.spool_bytes") > 0);
        Assert.Equal(30, Value("agent.spool_oldest_unacked_seconds"));
        Assert.Equal(0, Value("agent.spool_dropped_total"));
        Assert.Equal(0, Value("agent.spool_corrupt_segments_total"));
    }

    [Fact]
    public void A_counter_older_than_the_spool_continues_above_the_spooled_sequences()
    {
        _counter.EnsureAbove(0);
        var first = new PendingRecords(_counter, _spool, 1 << 20);
        first.Add(new SampleBatch());
        first.Add(new SampleBatch());
        _spool.Dispose();
        _counter.Dispose();
        File.WriteAllText(Path.Combine(_dir.Path, "sequence"), "1\n");

        using var counter = SequenceCounter.Open(_dir.Path);
        using var spool = OpenSpool();
        var pending = new PendingRecords(counter, spool, 1 << 20);
        pending.Add(new SampleBatch());
        Assert.Equal([1UL, 2UL, 3UL], pending.NumberedAfter(0).Select(PendingRecords.Sequence));
    }

    [Fact]
    public void A_record_spooled_before_a_kill_could_move_the_counter_keeps_its_number_and_the_next_one_follows()
    {
        _counter.EnsureAbove(0);
        _spool.Append(_counter.PeekNext(), SpoolRecordKind.Samples, new SampleBatch { Sequence = 1 }.ToByteArray());
        _spool.Dispose(); // killed here: the counter still says 0

        using var spool = OpenSpool();
        var pending = new PendingRecords(_counter, spool, 1 << 20);
        pending.Add(new SampleBatch());
        Assert.Equal([1UL, 2UL], pending.NumberedAfter(0).Select(PendingRecords.Sequence));
        Assert.Equal(2UL, _counter.Last);
    }

    [Fact]
    public async Task Adding_a_record_completes_the_change_taken_before()
    {
        _counter.EnsureAbove(0);
        var pending = new PendingRecords(_counter, _spool, 1 << 20);
        var changed = pending.Changed;
        Assert.False(changed.IsCompleted);
        pending.Add(new SampleBatch());
        await changed.WaitAsync(TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        _spool.Dispose();
        _counter.Dispose();
        _dir.Dispose();
    }
}

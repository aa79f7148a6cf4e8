using Warden.Agent.State;
using Warden.Agent.Streaming;
using Warden.Proto.V1;

namespace Warden.Agent.Tests.Streaming;

public sealed class PendingRecordsTests : IDisposable
{
    private readonly ScratchDirectory _dir = TestTrees.Scratch();
    private readonly SequenceCounter _counter;

    public PendingRecordsTests() => _counter = SequenceCounter.Open(_dir.Path);

    [Fact]
    public void Records_made_before_the_sequence_is_known_wait_unnumbered_then_number_in_order()
    {
        var pending = new PendingRecords(_counter, capacity: 10);
        pending.Add(new SampleBatch());
        pending.Add(new SampleBatch());
        Assert.Empty(pending.NumberedAfter(0));

        _counter.EnsureAbove(7);
        pending.NumberUnnumbered();
        pending.Add(new SampleBatch());

        Assert.Equal([8UL, 9UL, 10UL], pending.NumberedAfter(0).Select(PendingRecords.Sequence));
    }

    [Fact]
    public void An_acknowledged_record_is_forgotten_and_the_rest_kept()
    {
        _counter.EnsureAbove(0);
        var pending = new PendingRecords(_counter, capacity: 10);
        for (var i = 0; i < 3; i++)
        {
            pending.Add(new SampleBatch());
        }
        pending.Acknowledge(2);
        Assert.Equal([1UL, 3UL], pending.NumberedAfter(0).Select(PendingRecords.Sequence));
        Assert.Equal(2UL, pending.LastAcknowledged);
        Assert.Equal([3UL], pending.NumberedAfter(1).Select(PendingRecords.Sequence));
    }

    [Fact]
    public void Past_capacity_the_oldest_are_dropped_and_counted()
    {
        _counter.EnsureAbove(0);
        var pending = new PendingRecords(_counter, capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            pending.Add(new SampleBatch());
        }
        Assert.Equal(2, pending.Dropped);
        Assert.Equal([3UL, 4UL, 5UL], pending.NumberedAfter(0).Select(PendingRecords.Sequence));
    }

    [Fact]
    public void Under_pressure_samples_are_dropped_before_events_and_events_share_the_sequence()
    {
        _counter.EnsureAbove(0);
        var pending = new PendingRecords(_counter, capacity: 3);
        pending.Add(new EventBatch());   // 1
        pending.Add(new SampleBatch());  // 2
        pending.Add(new EventBatch());   // 3
        pending.Add(new SampleBatch());  // 4: over capacity, sample 2 goes
        pending.Add(new SampleBatch());  // 5: sample 4 goes

        Assert.Equal(2, pending.Dropped);
        var kept = pending.NumberedAfter(0);
        Assert.Equal([1UL, 3UL, 5UL], kept.Select(PendingRecords.Sequence));
        Assert.Equal(2, kept.Count(r => r.BodyCase == AgentMessage.BodyOneofCase.Events));
    }

    [Fact]
    public async Task Adding_a_record_completes_the_change_taken_before()
    {
        _counter.EnsureAbove(0);
        var pending = new PendingRecords(_counter, capacity: 3);
        var changed = pending.Changed;
        Assert.False(changed.IsCompleted);
        pending.Add(new SampleBatch());
        await changed.WaitAsync(TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        _counter.Dispose();
        _dir.Dispose();
    }
}

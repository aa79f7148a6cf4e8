using Warden.Aggregator.Storage;

namespace Warden.Aggregator.Tests.Storage;

public sealed class SequenceRangesTests
{
    [Fact]
    public void In_order_sequences_stay_one_run_and_gaps_are_their_own_runs_until_filled()
    {
        var runs = new List<SequenceRange>();
        foreach (var s in new long[] { 1, 2, 3, 7, 8, 5 })
        {
            SequenceRanges.Add(runs, s);
        }
        Assert.Equal([(1L, 3L), (5L, 5L), (7L, 8L)], runs.Select(r => (r.First, r.Last)));
        Assert.True(SequenceRanges.Contains(runs, 2));
        Assert.False(SequenceRanges.Contains(runs, 4));
        Assert.False(SequenceRanges.Contains(runs, 6));

        SequenceRanges.Add(runs, 4);
        SequenceRanges.Add(runs, 6);
        Assert.Equal([(1L, 8L)], runs.Select(r => (r.First, r.Last)));
    }

    [Fact]
    public void A_late_lower_sequence_goes_first()
    {
        var runs = new List<SequenceRange>();
        SequenceRanges.Add(runs, 10);
        SequenceRanges.Add(runs, 3);
        Assert.Equal([(3L, 3L), (10L, 10L)], runs.Select(r => (r.First, r.Last)));
    }
}

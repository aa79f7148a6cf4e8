using Warden.Agent.State;

namespace Warden.Agent.Tests.State;

public class SequenceCounterTests
{
    [Fact]
    public void A_fresh_state_folder_has_an_unknown_counter_until_the_aggregator_seeds_it()
    {
        using var dir = TestTrees.Scratch();
        using var counter = SequenceCounter.Open(dir.Path);
        Assert.False(counter.IsKnown);
        Assert.Throws<InvalidOperationException>(() => counter.Next());
        counter.EnsureAbove(41);
        Assert.Equal(42UL, counter.Next());
    }

    [Fact]
    public void Numbers_survive_a_restart_and_are_never_reused()
    {
        using var dir = TestTrees.Scratch();
        using (var counter = SequenceCounter.Open(dir.Path))
        {
            counter.EnsureAbove(0);
            Assert.Equal(1UL, counter.Next());
            Assert.Equal(2UL, counter.Next());
        }
        using var reopened = SequenceCounter.Open(dir.Path);
        Assert.True(reopened.IsKnown);
        Assert.Equal(3UL, reopened.Next());
    }

    [Fact]
    public void The_aggregator_having_more_raises_the_counter_and_having_less_does_not_lower_it()
    {
        using var dir = TestTrees.Scratch();
        using var counter = SequenceCounter.Open(dir.Path);
        counter.EnsureAbove(10);
        counter.EnsureAbove(5);
        Assert.Equal(11UL, counter.Next());
        counter.EnsureAbove(100);
        Assert.Equal(101UL, counter.Next());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("12x")]
    [InlineData("\0\0\0")]
    public void A_damaged_counter_file_is_treated_as_lost(string content)
    {
        using var dir = TestTrees.Scratch();
        File.WriteAllText(dir.File("sequence"), content);
        using var counter = SequenceCounter.Open(dir.Path);
        Assert.False(counter.IsKnown);
    }
}

using Warden.Agent.Checks.Storage;

namespace Warden.Agent.Tests.Checks.Storage;

public class FillHistoryTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Span = TimeSpan.FromMinutes(10);

    [Fact]
    public void A_linear_fill_gives_its_exact_rate()
    {
        var history = new FillHistory(100);
        for (var minute = 0; minute <= 20; minute++)
        {
            history.Add(1_000_000 + minute * 60, 5e9 + minute * 60 * 1234.5);
        }
        Assert.Equal(1234.5, history.GrowthBytesPerSecond(Window, Span), 6);
    }

    [Fact]
    public void A_saw_tooth_around_a_steady_rise_keeps_the_rise()
    {
        var history = new FillHistory(100);
        for (var minute = 0; minute <= 30; minute++)
        {
            history.Add(minute * 60, 1e9 + minute * 60 * 100.0 + (minute % 2 == 0 ? 5e6 : -5e6));
        }
        Assert.InRange(history.GrowthBytesPerSecond(Window, Span), 90, 110);
    }

    [Fact]
    public void Too_short_a_span_or_too_few_samples_projects_nothing()
    {
        var history = new FillHistory(100);
        history.Add(0, 1);
        history.Add(60, 2);
        Assert.True(double.IsNaN(history.GrowthBytesPerSecond(Window, Span)));
        history.Add(120, 3);
        Assert.True(double.IsNaN(history.GrowthBytesPerSecond(Window, Span))); // three samples over 2 minutes
    }

    [Fact]
    public void Only_the_window_counts_and_the_ring_drops_the_oldest()
    {
        var history = new FillHistory(10);
        for (var minute = 0; minute < 60; minute++)
        {
            // Fast growth for the first 40 minutes, then flat.
            history.Add(minute * 60, minute < 40 ? minute * 1e6 : 40e6);
        }
        // Ten samples fit: minutes 50..59, all flat.
        Assert.Equal(0, history.GrowthBytesPerSecond(TimeSpan.FromHours(2), TimeSpan.FromMinutes(5)), 9);
    }
}

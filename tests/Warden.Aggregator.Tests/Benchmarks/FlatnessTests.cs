using Warden.Benchmarks.Ingest;

namespace Warden.Aggregator.Tests.Benchmarks;

/// <summary>
/// The FleetFootprint verdict: a collector's saw-tooth is flat wherever its drops fall; a floor
/// or a ceiling that rises is growth.
/// </summary>
public class FlatnessTests
{
    private const double MiB = 1048576;

    // A sample every 10 s for 7 minutes, as FleetFootprint takes them after warm-up.
    private static List<(double Seconds, double Bytes)> Series(Func<double, double> mibAt) =>
        [.. Enumerable.Range(0, 42).Select(i => (Seconds: 180.0 + (i * 10), Bytes: mibAt(i * 10.0) * MiB))];

    // Climbs 120 MiB over the period from 400, then a full collection drops it back.
    private static double SawTooth(double seconds, double periodSeconds, double phaseSeconds) =>
        400 + (120 * (((seconds + phaseSeconds) % periodSeconds) / periodSeconds));

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(130)]
    public void A_saw_tooth_is_flat_wherever_its_drops_fall(double phase)
    {
        var flatness = Flatness.Of("RSS", Series(s => SawTooth(s, 140, phase)), maxRise: 16);

        Assert.True(flatness.Flat, flatness.ToString());
        Assert.InRange(flatness.First.Min, 399, 410);
        Assert.InRange(flatness.Last.Max, 505, 520);
    }

    [Fact]
    public void A_saw_tooth_whose_floor_climbs_is_growing_though_its_ceiling_looks_level()
    {
        // 4 MiB more survives each minute: the drops come back higher and higher.
        var flatness = Flatness.Of("RSS", Series(s => Math.Min(SawTooth(s, 140, 0) + (4 * s / 60), 530)), maxRise: 16);

        Assert.False(flatness.Flat, flatness.ToString());
        Assert.True(flatness.FloorRiseMiB > 16, flatness.ToString());
    }

    [Fact]
    public void A_steady_climb_is_growing_and_its_slope_is_reported()
    {
        // 5 MiB a minute: the last third starts 4.7 minutes after the first, 23 MiB higher.
        var flatness = Flatness.Of("GC live after full GC", Series(s => 160 + (5 * s / 60)), maxRise: 16);

        Assert.False(flatness.Flat);
        Assert.Equal(5, flatness.SlopeMiBPerMinute, precision: 6);
        Assert.Contains("GROWING", flatness.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_level_figure_is_flat()
    {
        var flatness = Flatness.Of("GC live after full GC", Series(_ => 162), maxRise: 16);

        Assert.True(flatness.Flat);
        Assert.Equal(0, flatness.FloorRiseMiB);
        Assert.Contains("FLAT", flatness.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_three_samples_are_refused_naming_the_figure()
    {
        var error = Assert.Throws<ArgumentException>(() => Flatness.Of("RSS", [(1, MiB), (2, MiB)], maxRise: 16));

        Assert.Contains("RSS: 2 samples", error.Message, StringComparison.Ordinal);
    }
}

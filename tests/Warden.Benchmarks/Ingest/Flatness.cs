using System.Globalization;

namespace Warden.Benchmarks.Ingest;

/// <summary>
/// "Memory flat after warm-up" as numbers. The samples after warm-up are cut into thirds; each
/// third has a floor (its least sample: where full collections bring the figure back to), a median
/// and a ceiling (its greatest). A garbage-collected process saw-tooths: the figure climbs between
/// full collections and drops at each, so a median, and a slope over a few cycles, move with where
/// the drops happen to fall (two 10-minute runs of the aggregator with the same GCConserveMemory
/// read +6.2 and −0.4 MiB/min). What a leak does, and a saw-tooth does not, is raise
/// the floor and the ceiling: FLAT when neither the last third's floor nor its ceiling is more than
/// <c>maxRise</c> MiB above the first third's. The least-squares slope is reported beside it.
/// The price: the thirds of a 7-minute window start 4.7 minutes apart, so a steady leak slower
/// than maxRise / 4.7 (3.4 MiB/min at 16) passes a 10-minute run; a longer run (--duration 1800)
/// bounds it more tightly (27 minutes: 0.9 MiB/min).
/// </summary>
internal readonly record struct Flatness(string Figure, int Samples, Third First, Third Last, double SlopeMiBPerMinute, double MaxRiseMiB)
{
    public double FloorRiseMiB => Last.Min - First.Min;

    public double CeilingRiseMiB => Last.Max - First.Max;

    public bool Flat => FloorRiseMiB <= MaxRiseMiB && CeilingRiseMiB <= MaxRiseMiB;

    /// <param name="samples">(seconds since start, bytes) taken after warm-up, in time order; at least 3.</param>
    public static Flatness Of(string figure, IReadOnlyList<(double Seconds, double Bytes)> samples, double maxRise)
    {
        if (samples.Count < 3)
        {
            throw new ArgumentException($"{figure}: {samples.Count} samples after warm-up; at least 3 are needed to compare thirds", nameof(samples));
        }
        var mib = samples.Select(s => (Minutes: s.Seconds / 60, MiB: s.Bytes / 1048576.0)).ToList();
        var third = mib.Count / 3;
        return new Flatness(figure, mib.Count, Third.Of(mib.Take(third).Select(s => s.MiB)), Third.Of(mib.Skip(mib.Count - third).Select(s => s.MiB)), Slope(mib), maxRise);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Figure}: first third {First}, last third {Last} MiB; floor {FloorRiseMiB:+0;-0;0}, ceiling {CeilingRiseMiB:+0;-0;0} MiB; slope {SlopeMiBPerMinute:+0.00;-0.00} MiB/min over {Samples} samples: {(Flat ? "FLAT" : "GROWING")}");

    private static double Slope(List<(double Minutes, double MiB)> points)
    {
        var meanX = points.Average(p => p.Minutes);
        var meanY = points.Average(p => p.MiB);
        var covariance = points.Sum(p => (p.Minutes - meanX) * (p.MiB - meanY));
        var variance = points.Sum(p => (p.Minutes - meanX) * (p.Minutes - meanX));
        return variance == 0 ? 0 : covariance / variance;
    }
}

/// <summary>One third of the samples: least, median and greatest, in MiB.</summary>
internal readonly record struct Third(double Min, double Median, double Max)
{
    public static Third Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return new Third(sorted[0], median, sorted[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min:F0}/{Median:F0}/{Max:F0}");
}

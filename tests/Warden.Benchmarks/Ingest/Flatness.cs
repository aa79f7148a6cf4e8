using System.Globalization;

namespace Warden.Benchmarks.Ingest;

/// <summary>
/// "Memory flat after warm-up" as numbers: over the samples taken after warm-up, the median of the
/// first third against the median of the last third, and the least-squares slope in MiB per minute.
/// Flat: the slope is at most <c>maxSlope</c> MiB/min and the last third's median is no more than
/// <c>maxRise</c> MiB above the first third's (a sawtooth of collections moves neither).
/// </summary>
internal readonly record struct Flatness(string Figure, int Samples, double FirstThirdMiB, double LastThirdMiB, double SlopeMiBPerMinute, bool Flat)
{
    public double RiseMiB => LastThirdMiB - FirstThirdMiB;

    /// <param name="samples">(seconds since start, bytes) taken after warm-up, in time order; at least 3.</param>
    public static Flatness Of(string figure, IReadOnlyList<(double Seconds, double Bytes)> samples, double maxSlope, double maxRise)
    {
        if (samples.Count < 3)
        {
            throw new ArgumentException($"{figure}: {samples.Count} samples after warm-up; at least 3 are needed to compare thirds", nameof(samples));
        }
        var mib = samples.Select(s => (Minutes: s.Seconds / 60, MiB: s.Bytes / 1048576.0)).ToList();
        var third = mib.Count / 3;
        var first = Median(mib.Take(third).Select(s => s.MiB));
        var last = Median(mib.Skip(mib.Count - third).Select(s => s.MiB));
        var slope = Slope(mib);
        return new Flatness(figure, mib.Count, first, last, slope, slope <= maxSlope && last - first <= maxRise);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Figure}: median first third {FirstThirdMiB:F0} MiB, last third {LastThirdMiB:F0} MiB ({RiseMiB:+0;-0} MiB), slope {SlopeMiBPerMinute:+0.00;-0.00} MiB/min over {Samples} samples: {(Flat ? "FLAT" : "GROWING")}");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Slope(List<(double Minutes, double MiB)> points)
    {
        var meanX = points.Average(p => p.Minutes);
        var meanY = points.Average(p => p.MiB);
        var covariance = points.Sum(p => (p.Minutes - meanX) * (p.MiB - meanY));
        var variance = points.Sum(p => (p.Minutes - meanX) * (p.Minutes - meanX));
        return variance == 0 ? 0 : covariance / variance;
    }
}

namespace Warden.Tui.Formatting;

/// <summary>
/// A one-line chart of a series, newest point at the right edge: one of eight levels per point, a
/// space where a point is missing (no data, NaN or infinite). Points scale against the given range
/// (percentages use 0..100, so a calm 2 % never looks like a mountain) or else against the shown
/// points' own lowest and highest; a flat series sits on the middle level.
/// </summary>
internal static class Sparkline
{
    public const char Gap = ' ';

    public static string Render(IReadOnlyList<double?> points, int width, SparkGlyphs glyphs, (double Low, double High)? range = null)
    {
        if (width <= 0)
        {
            return string.Empty;
        }

        int shown = Math.Min(width, points.Count);
        int first = points.Count - shown;
        (double low, double high) = range ?? Extent(points, first);
        var line = new char[width];
        Array.Fill(line, Gap);
        for (int i = 0; i < shown; i++)
        {
            if (points[first + i] is double value && double.IsFinite(value))
            {
                line[width - shown + i] = glyphs.Levels[Level(value, low, high, glyphs.Levels.Length)];
            }
        }

        return new string(line);
    }

    private static int Level(double value, double low, double high, int levels)
    {
        if (!(high > low))
        {
            return (levels / 2) - 1;
        }

        double share = (Math.Clamp(value, low, high) - low) / (high - low);
        return (int)Math.Round(share * (levels - 1), MidpointRounding.AwayFromZero);
    }

    private static (double Low, double High) Extent(IReadOnlyList<double?> points, int first)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (int i = first; i < points.Count; i++)
        {
            if (points[i] is double value && double.IsFinite(value))
            {
                low = Math.Min(low, value);
                high = Math.Max(high, value);
            }
        }

        return (low, high);
    }
}

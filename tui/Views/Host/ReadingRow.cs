using System.Globalization;
using Warden.Tui.Formatting;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Host;

/// <summary>One reading of the host over its recent batches: a sparkline of its values, the newest, and the lowest and highest seen.</summary>
internal sealed record ReadingRow(ReadingSeries Series, string Trend)
{
    public const int TrendWidth = 20;

    // What an operator looks at first (readings.proto); disk, filesystem and network readings by prefix.
    private static readonly string[] KeyNames = ["cpu.busy_pct", "cpu.iowait_pct", "cpu.steal_pct", "mem.used_pct", "mem.available_bytes", "swap.used_bytes", "load.per_core", "load.1", "score.host"];
    private static readonly string[] KeyPrefixes = ["disk.", "fs.", "net."];

    public static ReadingRow From(ReadingSeries series, SparkGlyphs glyphs) =>
        new(series, Sparkline.Render(series.Points, TrendWidth, glyphs, RangeOf(series.Name, series.Max)));

    public string Key => Series.Name + "\u0000" + Series.Subject;

    /// <summary>The reading's name, with its subject (a mount, a unit, a cgroup) after it.</summary>
    public string Label => Series.Subject.Length == 0 ? Series.Name : $"{Series.Name} {Series.Subject}";

    /// <summary>Shown without `m`: CPU, memory, swap, load, the host score, and any disk, fs or net reading.</summary>
    public bool IsKey => KeyNames.Contains(Series.Name) || KeyPrefixes.Any(p => Series.Name.StartsWith(p, StringComparison.Ordinal));

    /// <summary>Score readings are coloured by band like the fleet cells.</summary>
    public ScoreBand Band => Series.Name.StartsWith("score.", StringComparison.Ordinal) ? ScoreBands.Of(Series.Last) : ScoreBand.NoData;

    public static readonly IReadOnlyList<TableColumn<ReadingRow>> Columns =
    [
        new("READING", 20, r => r.Label, RowOrder.By<ReadingRow>(r => r.Label)) { Band = r => r.Band },
        new("TREND", TrendWidth, r => r.Trend, RowOrder.By<ReadingRow>(r => r.Series.Last)),
        new("LAST", 8, r => Number(r.Series.Name, r.Series.Last), RowOrder.By<ReadingRow>(r => r.Series.Last)) { RightAligned = true },
        new("MIN", 8, r => Number(r.Series.Name, r.Series.Min), RowOrder.By<ReadingRow>(r => r.Series.Min)) { RightAligned = true, Optional = true },
        new("MAX", 8, r => Number(r.Series.Name, r.Series.Max), RowOrder.By<ReadingRow>(r => r.Series.Max)) { RightAligned = true, Optional = true },
    ];

    /// <summary>
    /// Percentages and scores against 0..100 (higher when the series went past 100: a cgroup's % of one
    /// CPU on a many-core host); anything else against its own range.
    /// </summary>
    public static (double Low, double High)? RangeOf(string name, double? highest) =>
        name.EndsWith("_pct", StringComparison.Ordinal) || name.StartsWith("score.", StringComparison.Ordinal) ? (0, Math.Max(100, highest ?? 0)) : null;

    /// <summary>Byte counts in binary units (15.2G); other large values in scientific notation to keep the column narrow.</summary>
    public static string Number(string name, double? value) => value switch
    {
        null => HostRow.Missing,
        double v when name.EndsWith("_bytes", StringComparison.Ordinal) => Bytes(v),
        double v when Math.Abs(v) >= 1_000_000 => v.ToString("0.##E+0", CultureInfo.InvariantCulture),
        double v => v.ToString("0.##", CultureInfo.InvariantCulture),
    };

    private static string Bytes(double value)
    {
        string[] units = ["B", "K", "M", "G", "T", "P"];
        int unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value.ToString(unit == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + units[unit];
    }
}

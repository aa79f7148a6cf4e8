using System.Globalization;
using Warden.Proto.V1;
using Warden.Tui.Formatting;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Host;

/// <summary>One reading of a host's latest batch, as the host view lists it.</summary>
internal sealed record ReadingRow(string Name, string Subject, double? Last, double? Min, double? Max)
{
    public static ReadingRow From(Reading reading) => reading.Count == 0
        ? new(reading.Name, reading.Subject, null, null, null)
        : new(reading.Name, reading.Subject, reading.Last, reading.Min, reading.Max);

    public string Key => Name + "\u0000" + Subject;

    /// <summary>Score readings are coloured by band like the fleet cells.</summary>
    public ScoreBand Band => Name.StartsWith("score.", StringComparison.Ordinal) ? ScoreBands.Of(Last) : ScoreBand.NoData;

    public static readonly IReadOnlyList<TableColumn<ReadingRow>> Columns =
    [
        new("READING", 16, r => r.Name, RowOrder.By<ReadingRow>(r => r.Name)) { Band = r => r.Band },
        new("SUBJECT", 14, r => r.Subject.Length == 0 ? HostRow.Missing : r.Subject, RowOrder.By<ReadingRow>(r => r.Subject)),
        new("LAST", 10, r => Number(r.Last), RowOrder.By<ReadingRow>(r => r.Last)) { RightAligned = true },
        new("MIN", 10, r => Number(r.Min), RowOrder.By<ReadingRow>(r => r.Min)) { RightAligned = true, Optional = true },
        new("MAX", 10, r => Number(r.Max), RowOrder.By<ReadingRow>(r => r.Max)) { RightAligned = true, Optional = true },
    ];

    // Byte counts run to eleven digits; past a million, scientific notation keeps the column narrow.
    private static string Number(double? value) => value switch
    {
        null => HostRow.Missing,
        double v when Math.Abs(v) >= 1_000_000 => v.ToString("0.###E+0", CultureInfo.InvariantCulture),
        double v => v.ToString("0.##", CultureInfo.InvariantCulture),
    };
}

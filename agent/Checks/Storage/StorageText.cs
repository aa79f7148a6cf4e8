using System.Globalization;

namespace Warden.Agent.Checks.Storage;

/// <summary>How storage reasons write sizes and durations: "1.2 GB", "850 MB", "3 h", "45 min".</summary>
internal static class StorageText
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];

    /// <summary>Decimal units, as disk vendors and df -H count.</summary>
    public static string Bytes(double bytes)
    {
        var unit = 0;
        // 999.5 and up would print as "1000": move to the next unit first.
        while (Math.Abs(bytes) >= 999.5 && unit < Units.Length - 1)
        {
            bytes /= 1000;
            unit++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{bytes.ToString(Math.Abs(bytes) < 10 ? "0.#" : "0", CultureInfo.InvariantCulture)} {Units[unit]}");
    }

    public static string Duration(TimeSpan span) => span.TotalMinutes < 90
        ? Format($"{Math.Max(1, Math.Round(span.TotalMinutes)):0} min")
        : span.TotalHours < 48 ? Format($"{span.TotalHours:0.#} h") : Format($"{span.TotalDays:0.#} d");

    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

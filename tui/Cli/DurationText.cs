using System.Globalization;

namespace Warden.Tui.Cli;

/// <summary>Durations as operators type them: a whole number and a unit, 90s, 30m, 2h, 7d.</summary>
internal static class DurationText
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(30);

    public static bool TryParse(string text, out TimeSpan duration) => TryParse(text, Longest, out duration);

    public static bool TryParse(string text, TimeSpan longest, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text.Length < 2 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out long amount) || amount == 0)
        {
            return false;
        }

        TimeSpan? unit = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => null,
        };

        // Past the longest allowed the multiplication could overflow; refuse before it does.
        if (unit is not TimeSpan step || amount > longest.Ticks / step.Ticks)
        {
            return false;
        }

        duration = step * amount;
        return duration <= longest;
    }
}

namespace Warden.Tui.Formatting;

/// <summary>Turns an elapsed time into the short ages operators read at a glance: 3s, 2m, 1h, 4d.</summary>
internal static class AgeFormat
{
    public static string Format(TimeSpan age)
    {
        // Clock skew between aggregator and host can make "last seen" lie slightly in the future.
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        if (age < TimeSpan.FromMinutes(1))
        {
            return $"{(long)age.TotalSeconds}s";
        }

        if (age < TimeSpan.FromHours(1))
        {
            return $"{(long)age.TotalMinutes}m";
        }

        if (age < TimeSpan.FromDays(1))
        {
            return $"{(long)age.TotalHours}h";
        }

        return $"{(long)age.TotalDays}d";
    }
}

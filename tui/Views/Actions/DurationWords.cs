using Warden.Tui.Formatting;

namespace Warden.Tui.Views.Actions;

/// <summary>A duration the operator chose, as short as it was typed: "2h", "30m", "7d", "1h 30m".</summary>
internal static class DurationWords
{
    public static string Of(TimeSpan duration) =>
        ReportFigures.Duration(duration.TotalSeconds).Replace(" 0h", string.Empty, StringComparison.Ordinal)
            .Replace(" 0m", string.Empty, StringComparison.Ordinal).Replace(" 0s", string.Empty, StringComparison.Ordinal);
}

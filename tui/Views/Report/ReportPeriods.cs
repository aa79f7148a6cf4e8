using Warden.Tui.Cli;

namespace Warden.Tui.Views.Report;

/// <summary>The periods `p` steps through, and `:report PERIOD` read like `warden report --since`.</summary>
internal static class ReportPeriods
{
    public static readonly IReadOnlyList<TimeSpan> Steps = [TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30), TimeSpan.FromDays(90)];

    /// <summary>The next step longer than <paramref name="period"/>, after the longest the shortest again.</summary>
    public static TimeSpan Next(TimeSpan period) => Steps.FirstOrDefault(s => s > period) is { Ticks: > 0 } next ? next : Steps[0];

    /// <summary>"" is the CLI's default (30d); false with the message for text that is not a period.</summary>
    public static bool TryParse(string text, out TimeSpan period, out string message)
    {
        message = string.Empty;
        period = ReportPeriod.Default;
        if (text.Length == 0 || DurationText.TryParse(text, ReportPeriod.Longest, out period))
        {
            return true;
        }

        message = $":report {text}: not a period like 12h, 7d or 30d (at most {ReportPeriod.Longest.TotalDays:0}d)";
        return false;
    }

    public static string Words(TimeSpan period) => Actions.DurationWords.Of(period);
}

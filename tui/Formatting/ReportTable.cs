using System.Text;
using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>`warden report` for a terminal: the headline figures, then availability by host and component, then causes.</summary>
internal static class ReportTable
{
    private static readonly HashSet<int> Numbers = [1, 2, 3];

    public static readonly IReadOnlyList<string> SummaryHeaders = ["FIGURE", "VALUE", "DETAIL"];

    public static string Render(ResilienceReport r) =>
        Title(r) + "\n\n" + TextTable.Render(SummaryHeaders, ReportFigures.Summary(r), new HashSet<int> { 1 }) + Breakdown(r);

    public static string Title(ResilienceReport r) =>
        $"Resilience report {ReportFigures.Time(r.PeriodStart)} .. {ReportFigures.Time(r.PeriodEnd)} UTC ({ReportFigures.Duration(ReportFigures.Period(r).TotalSeconds)})";

    /// <summary>Availability by host and by component, then incidents by cause, each table after a blank line.</summary>
    public static string Breakdown(ResilienceReport r)
    {
        var text = new StringBuilder();
        text.Append('\n').Append(TextTable.Render(["HOST", "AVAILABILITY", "DOWN", "FAILURES"], ReportFigures.Availability(r.Hosts), Numbers));
        text.Append('\n').Append(TextTable.Render(["COMPONENT", "AVAILABILITY", "DOWN", "FAILURES"], ReportFigures.Availability(r.Components), Numbers));
        text.Append('\n').Append(TextTable.Render(["CAUSE (RULE)", "INCIDENTS"], ReportFigures.Causes(r), new HashSet<int> { 1 }));
        return text.ToString();
    }
}

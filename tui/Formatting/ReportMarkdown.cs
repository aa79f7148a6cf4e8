using System.Text;
using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>`warden report --markdown`: the same figures as GitHub-flavoured Markdown tables, for a review.</summary>
internal static class ReportMarkdown
{
    public static string Render(ResilienceReport r)
    {
        var text = new StringBuilder();
        text.Append($"## Resilience report {ReportFigures.Time(r.PeriodStart)} .. {ReportFigures.Time(r.PeriodEnd)} UTC\n\n");
        Table(text, ["Figure", "Value", "Detail"], "|---|--:|---|", ReportFigures.Summary(r));
        text.Append("### Availability by host\n\n");
        Table(text, ["Host", "Availability", "Down", "Failures"], "|---|--:|--:|--:|", ReportFigures.Availability(r.Hosts));
        text.Append("### Availability by component\n\n");
        Table(text, ["Component", "Availability", "Down", "Failures"], "|---|--:|--:|--:|", ReportFigures.Availability(r.Components));
        text.Append("### Incidents by cause\n\n");
        Table(text, ["Rule", "Incidents"], "|---|--:|", ReportFigures.Causes(r));
        return text.ToString();
    }

    private static void Table(StringBuilder text, IReadOnlyList<string> headers, string rule, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Row(text, headers);
        text.Append(rule).Append('\n');
        foreach (var row in rows)
        {
            Row(text, row);
        }

        text.Append('\n');
    }

    // A pipe inside a cell (a rule name, say) would split the column.
    private static void Row(StringBuilder text, IReadOnlyList<string> cells) =>
        text.Append("| ").Append(string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
}

using System.Text;
using Warden.Proto.V1;
using Warden.Tui.Formatting;

namespace Warden.Tui.Views.Report;

/// <summary>
/// The report as the console shows it: the same figures and tables as `warden report`, except that
/// where the headline table is wider than the screen each figure's detail goes on its own line
/// below it, so an 80-column terminal needs no sideways scrolling.
/// </summary>
internal static class ReportText
{
    public static IReadOnlyList<string> Lines(ResilienceReport r, int width)
    {
        IReadOnlyList<IReadOnlyList<string>> summary = ReportFigures.Summary(r);
        string table = TextTable.Render(ReportTable.SummaryHeaders, summary, new HashSet<int> { 1 });
        bool fits = table.Split('\n').All(l => l.Length <= width);
        string headline = fits ? table : Stacked(summary);
        string text = ReportTable.Title(r) + "\n\n" + headline + ReportTable.Breakdown(r);
        return text.TrimEnd('\n').Split('\n');
    }

    private static string Stacked(IReadOnlyList<IReadOnlyList<string>> summary)
    {
        IReadOnlyList<IReadOnlyList<string>> figures = summary.Select(row => (IReadOnlyList<string>)[row[0], row[1]]).ToList();
        string[] lines = TextTable.Render(ReportTable.SummaryHeaders.Take(2).ToList(), figures, new HashSet<int> { 1 }).TrimEnd('\n').Split('\n');
        var text = new StringBuilder().Append(lines[0]).Append('\n');
        for (int i = 0; i < summary.Count; i++)
        {
            text.Append(lines[i + 1]).Append('\n').Append("    ").Append(summary[i][2]).Append('\n');
        }

        return text.ToString();
    }
}

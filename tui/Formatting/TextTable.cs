using System.Text;

namespace Warden.Tui.Formatting;

/// <summary>Plain-text table for the CLI: columns padded to their widest cell, numbers right-aligned.</summary>
internal static class TextTable
{
    private const string Gap = "  ";

    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, ISet<int> rightAligned)
    {
        int[] widths = new int[headers.Count];
        for (int c = 0; c < headers.Count; c++)
        {
            widths[c] = headers[c].Length;
            foreach (IReadOnlyList<string> row in rows)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var text = new StringBuilder();
        AppendLine(text, headers, widths, rightAligned);
        foreach (IReadOnlyList<string> row in rows)
        {
            AppendLine(text, row, widths, rightAligned);
        }

        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells, int[] widths, ISet<int> rightAligned)
    {
        var line = new StringBuilder();
        for (int c = 0; c < cells.Count; c++)
        {
            if (c > 0)
            {
                line.Append(Gap);
            }

            line.Append(rightAligned.Contains(c) ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]));
        }

        // Trailing padding on the last column is noise for terminals and diff tools.
        text.Append(line.ToString().TrimEnd()).Append('\n');
    }
}

namespace Warden.Agent.Checks.Exec;

/// <summary>
/// What a Nagios plugin printed, split per the plugin guidelines:
/// <code>
/// TEXT OUTPUT | OPTIONAL PERFDATA
/// LONG TEXT LINE 1
/// LONG TEXT LINE 2 | PERFDATA LINE 2
/// PERFDATA LINE 3
/// </code>
/// </summary>
/// <param name="Text">The first line before '|': the reason an operator reads.</param>
/// <param name="LongText">Further lines before the second '|', joined by newlines.</param>
internal sealed record PluginOutput(string Text, string LongText, IReadOnlyList<PerfDatum> PerfData)
{
    public static PluginOutput Parse(string output)
    {
        var perfData = new List<PerfDatum>();
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var first = lines[0];
        var bar = first.IndexOf('|', StringComparison.Ordinal);
        if (bar >= 0)
        {
            PerfDataParser.Parse(first.AsSpan(bar + 1), perfData);
            first = first[..bar];
        }
        var longText = new List<string>();
        var inPerfData = false;
        foreach (var line in lines.AsSpan(1))
        {
            if (inPerfData)
            {
                PerfDataParser.Parse(line, perfData);
                continue;
            }
            var second = line.IndexOf('|', StringComparison.Ordinal);
            if (second < 0)
            {
                longText.Add(line);
                continue;
            }
            longText.Add(line[..second]);
            PerfDataParser.Parse(line.AsSpan(second + 1), perfData);
            inPerfData = true;
        }
        return new PluginOutput(first.Trim(), string.Join('\n', longText).TrimEnd(), perfData);
    }
}

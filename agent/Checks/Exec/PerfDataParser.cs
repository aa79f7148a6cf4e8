using System.Globalization;

namespace Warden.Agent.Checks.Exec;

/// <summary>
/// The perfdata part of plugin output, per the Nagios plugin development guidelines: items separated
/// by spaces; a label with spaces is single-quoted and a quote inside it is doubled ('it''s');
/// trailing semicolons may be left out. A malformed item is skipped, not the whole line.
/// </summary>
internal static class PerfDataParser
{
    private static readonly System.Buffers.SearchValues<char> UnitChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ%/");

    public static void Parse(ReadOnlySpan<char> text, List<PerfDatum> into)
    {
        while (true)
        {
            text = text.TrimStart();
            if (text.IsEmpty)
            {
                return;
            }
            if (!TryLabel(ref text, out var label))
            {
                continue;
            }
            var end = text.IndexOfAny(' ', '\t', '\r');
            var item = end < 0 ? text : text[..end];
            text = end < 0 ? default : text[end..];
            if (TryItem(label, item, out var datum))
            {
                into.Add(datum);
            }
        }
    }

    // Consumes "label=" or "'quoted label'="; on a malformed label skips to the next space.
    private static bool TryLabel(ref ReadOnlySpan<char> text, out string label)
    {
        label = "";
        if (text[0] == '\'')
        {
            var chars = new System.Text.StringBuilder();
            var i = 1;
            for (; i < text.Length; i++)
            {
                if (text[i] == '\'')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        chars.Append('\'');
                        i++;
                        continue;
                    }
                    break;
                }
                chars.Append(text[i]);
            }
            if (i + 1 < text.Length && text[i + 1] == '=' && chars.Length > 0)
            {
                label = chars.ToString();
                text = text[(i + 2)..];
                return true;
            }
            return Skip(ref text);
        }
        var eq = text.IndexOf('=');
        var space = text.IndexOfAny(' ', '\t', '\r');
        if (eq <= 0 || (space >= 0 && space < eq))
        {
            return Skip(ref text);
        }
        label = text[..eq].ToString();
        text = text[(eq + 1)..];
        return true;
    }

    private static bool Skip(ref ReadOnlySpan<char> text)
    {
        var space = text.IndexOfAny(' ', '\t', '\r');
        text = space < 0 ? default : text[space..];
        return false;
    }

    // "value[UOM];warn;crit;min;max"
    private static bool TryItem(string label, ReadOnlySpan<char> item, out PerfDatum datum)
    {
        datum = null!;
        Span<Range> parts = stackalloc Range[6];
        var count = item.Split(parts, ';');
        if (count == 0 || count > 5)
        {
            return false;
        }
        var valueText = item[parts[0]];
        double value;
        string unit;
        if (valueText.SequenceEqual("U"))
        {
            (value, unit) = (double.NaN, "");
        }
        else
        {
            var numberLength = NumberLength(valueText);
            if (numberLength == 0 || !TryNumber(valueText[..numberLength], out value))
            {
                return false;
            }
            // A unit is letters or '%' ("s", "KB", "c"; plugins in the wild add "KiB", "bps", "B/s").
            var unitText = valueText[numberLength..];
            if (unitText.ContainsAnyExcept(UnitChars))
            {
                return false;
            }
            unit = unitText.ToString();
        }
        datum = new PerfDatum(label, value, unit, Part(item, parts, count, 1), Part(item, parts, count, 2),
            Limit(item, parts, count, 3), Limit(item, parts, count, 4));
        return true;
    }

    private static string Part(ReadOnlySpan<char> item, ReadOnlySpan<Range> parts, int count, int i) =>
        i < count ? item[parts[i]].ToString() : "";

    private static double Limit(ReadOnlySpan<char> item, ReadOnlySpan<Range> parts, int count, int i) =>
        i < count && TryNumber(item[parts[i]], out var v) ? v : double.NaN;

    private static int NumberLength(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or '-' or '+'
            || (text[i] is 'e' or 'E' && i > 0 && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] is '-' or '+'))))
        {
            i++;
        }
        return i;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}

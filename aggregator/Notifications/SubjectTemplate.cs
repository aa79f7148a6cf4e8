using System.Text.RegularExpressions;

namespace Warden.Aggregator.Notifications;

/// <summary>The mail subject: a template with {placeholders} filled from a message.</summary>
internal static partial class SubjectTemplate
{
    public static readonly string[] Placeholders = ["{status}", "{severity}", "{count}", "{title}", "{group}", "{receiver}"];

    public static string? FirstUnknownPlaceholder(string template) =>
        Placeholder().Matches(template).Select(m => m.Value).FirstOrDefault(p => !Placeholders.Contains(p, StringComparer.Ordinal));

    public static string Render(string template, NotificationMessage m)
    {
        var title = m.Notices.Count == 0 ? "" : m.Notices[0].Title + (m.Notices.Count > 1 ? $" (+{m.Notices.Count - 1} more)" : "");
        var subject = Placeholder().Replace(template, p => p.Value switch
        {
            "{status}" => m.Status.ToUpperInvariant(),
            "{severity}" => m.Severity,
            "{count}" => m.Notices.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "{title}" => title,
            "{group}" => m.GroupText,
            "{receiver}" => m.Receiver,
            _ => p.Value,
        });
        // A header is one line.
        return subject.ReplaceLineEndings(" ");
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholder();
}

using System.Globalization;
using System.Text.Json;
using Warden.Aggregator.Tests.Notifications;
using Warden.Proto.V1;

namespace Warden.Aggregator.Tests.Scenarios;

/// <summary>
/// What the receivers got and what the operator API lists, one line each, so a scenario asserts
/// the whole story exactly: "+01:40 chat firing: firing P2 #3 disk_space:/var failing on 20 hosts".
/// </summary>
internal static class DeliveredLines
{
    public static string Webhook(TimeSpan at, JsonElement body) =>
        $"{Stamp(at)} {body.GetProperty("receiver").GetString()} {body.GetProperty("status").GetString()}"
        + (body.GetProperty("repeat").GetBoolean() ? " (repeat)" : "") + ": "
        + string.Join("; ", body.GetProperty("notices").EnumerateArray().Select(Notice));

    /// <summary>"+01:01 mail to oncall@site.test: SUBJECT / [ESCALATED] P1 TITLE": the subject, then each notice's heading in the body.</summary>
    public static string Mail(TimeSpan at, ReceivedMail mail) =>
        $"{Stamp(at)} mail to {string.Join(",", mail.To.Select(t => t.Trim('<', '>')))}: {mail.Header("Subject")} / "
        + string.Join("; ", mail.Body.Split('\n').Where(l => l.StartsWith('[')).Select(l => l.TrimEnd('\r')));

    public static string Incident(IncidentSummary i) =>
        $"#{i.Id} {Severity(i.Severity)} {i.State.ToString().ToLowerInvariant()} {i.Scope.ToString().ToLowerInvariant()} {i.Rule}: {i.Title}"
        + (i.MergedInto != 0 ? $" (merged into #{i.MergedInto})" : "");

    public static string Severity(Proto.V1.Severity s) => "P" + ((int)s - 1).ToString(CultureInfo.InvariantCulture);

    private static string Notice(JsonElement n)
    {
        var labels = n.GetProperty("labels");
        var level = labels.TryGetProperty("escalation_level", out var l) ? $" (level {l.GetString()})" : "";
        return $"{n.GetProperty("kind").GetString()} {n.GetProperty("severity").GetString()} #{n.GetProperty("incidentId").GetString()} {n.GetProperty("title").GetString()}{level}";
    }

    private static string Stamp(TimeSpan at) => "+" + at.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}

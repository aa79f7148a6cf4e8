using System.Globalization;
using Warden.Proto.V1;

namespace Warden.Tui.Views.Silence;

/// <summary>How a silence reads in the console: its matchers as key=value, its state, its end.</summary>
internal static class SilenceWords
{
    public static string Matchers(string host, string component, string check, string label)
    {
        string[] parts = [Part("host", host), Part("component", component), Part("check", check), Part("label", label)];
        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    public static string Matchers(SilenceInfo s) => Matchers(s.Host, s.Component, s.Check, s.Label);

    /// <summary>active, expired, or later (a maintenance window not started yet).</summary>
    public static string State(SilenceInfo s, DateTimeOffset now) =>
        s.Active ? "active" : s.EndsAt is not null && s.EndsAt.ToDateTimeOffset() <= now ? "expired" : "later";

    public static string Until(SilenceInfo s) =>
        s.EndsAt?.ToDateTimeOffset().UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";

    private static string Part(string key, string value) => value.Length > 0 ? $"{key}={value}" : string.Empty;
}

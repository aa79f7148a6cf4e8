using System.Net.Mail;
using Warden.Aggregator.Configuration;

namespace Warden.Aggregator.Notifications;

/// <summary>Checks the Notifications section; a failure names the key and the bad value.</summary>
public static class NotificationOptionsValidator
{
    private const string Section = "Notifications";
    private static readonly string[] SeverityNames = ["P0", "P1", "P2", "P3", "P4"];

    public static void Validate(NotificationOptions o)
    {
        foreach (var (name, receiver) in o.Receivers)
        {
            ValidateReceiver($"{Section}:Receivers:{name}", name, receiver);
        }
        ValidateReceiverNames($"{Section}:DefaultReceivers", o.DefaultReceivers, o, allowEmpty: true);
        ValidateGrouping(Section, o.GroupBy, o.GroupWaitSeconds, o.GroupIntervalSeconds, o.RepeatIntervalSeconds);
        Positive($"{Section}:MaxGroups", o.MaxGroups);
        Positive($"{Section}:MaxNoticesPerGroup", o.MaxNoticesPerGroup);
        Positive($"{Section}:QueueCapacity", o.QueueCapacity);
        for (var i = 0; i < o.Routes.Count; i++)
        {
            ValidateRoute($"{Section}:Routes:{i}", o.Routes[i], o);
        }
    }

    private static void ValidateReceiver(string key, string name, ReceiverOptions r)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ConfigException($"{key}: receiver name '{name}' may hold only letters, digits, '-', '_' and '.'");
        }
        var kinds = (r.Webhook is null ? 0 : 1) + (r.Exec is null ? 0 : 1) + (r.Smtp is null ? 0 : 1);
        if (kinds != 1)
        {
            throw new ConfigException($"{key}: needs exactly one of Webhook, Exec or Smtp (found {kinds})");
        }
        // Polly takes an attempt limit of 10 ms to a day, and backoffs of at most a day.
        Duration($"{key}:TimeoutSeconds", r.TimeoutSeconds, allowZero: false, max: TimeSpan.FromDays(1));
        if (r.TimeoutSeconds < 0.01)
        {
            throw new ConfigException($"{key}:TimeoutSeconds: {r.TimeoutSeconds} is below 0.01");
        }
        Duration($"{key}:BackoffSeconds", r.BackoffSeconds, allowZero: true, max: TimeSpan.FromDays(1));
        Duration($"{key}:MaxBackoffSeconds", r.MaxBackoffSeconds, allowZero: false, max: TimeSpan.FromDays(1));
        if (r.MaxAttempts is < 1 or > 100)
        {
            throw new ConfigException($"{key}:MaxAttempts: {r.MaxAttempts} is not between 1 and 100");
        }
        Positive($"{key}:QueueCapacity", r.QueueCapacity);
        if (r.Webhook is { } webhook)
        {
            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ConfigException($"{key}:Webhook:Url: '{webhook.Url}' is not an absolute http:// or https:// URL");
            }
        }
        if (r.Exec is { } exec && !Path.IsPathFullyQualified(exec.Command))
        {
            throw new ConfigException($"{key}:Exec:Command: '{exec.Command}' is not an absolute path");
        }
        if (r.Smtp is { } smtp)
        {
            ValidateSmtp($"{key}:Smtp", smtp);
        }
    }

    private static void ValidateSmtp(string key, SmtpReceiverOptions s)
    {
        if (string.IsNullOrWhiteSpace(s.Host) || Uri.CheckHostName(s.Host) == UriHostNameType.Unknown)
        {
            throw new ConfigException($"{key}:Host: '{s.Host}' is not a host name or address");
        }
        if (s.Port is < 1 or > 65535)
        {
            throw new ConfigException($"{key}:Port: {s.Port} is not between 1 and 65535");
        }
        MailAddressAt($"{key}:From", s.From);
        if (s.To.Count == 0)
        {
            throw new ConfigException($"{key}:To: needs at least one address");
        }
        for (var i = 0; i < s.To.Count; i++)
        {
            MailAddressAt($"{key}:To:{i}", s.To[i]);
        }
        if (SubjectTemplate.FirstUnknownPlaceholder(s.Subject) is { } unknown)
        {
            throw new ConfigException($"{key}:Subject: unknown placeholder '{unknown}' in '{s.Subject}' (known: {string.Join(' ', SubjectTemplate.Placeholders)})");
        }
    }

    private static void ValidateRoute(string key, RouteOptions route, NotificationOptions o)
    {
        foreach (var severity in route.Severities.Where(s => !SeverityNames.Contains(s, StringComparer.Ordinal)))
        {
            throw new ConfigException($"{key}:Severities: '{severity}' is not one of {string.Join(", ", SeverityNames)}");
        }
        foreach (var kind in route.Kinds.Where(k => !Enum.TryParse<NoticeKind>(k, ignoreCase: true, out _) || int.TryParse(k, out _)))
        {
            throw new ConfigException($"{key}:Kinds: '{kind}' is not one of {string.Join(", ", Enum.GetNames<NoticeKind>())}");
        }
        if (route.MinEscalationLevel is < 0)
        {
            throw new ConfigException($"{key}:MinEscalationLevel: {route.MinEscalationLevel} is negative");
        }
        ValidateReceiverNames($"{key}:Receivers", route.Receivers, o, allowEmpty: false);
        ValidateGrouping(key, route.GroupBy, route.GroupWaitSeconds ?? 0, route.GroupIntervalSeconds ?? 1, route.RepeatIntervalSeconds ?? 1);
    }

    private static void ValidateReceiverNames(string key, List<string> names, NotificationOptions o, bool allowEmpty)
    {
        if (!allowEmpty && names.Count == 0)
        {
            throw new ConfigException($"{key}: needs at least one receiver");
        }
        foreach (var name in names.Where(n => !o.Receivers.ContainsKey(n)))
        {
            var known = o.Receivers.Count == 0 ? "none is defined" : "defined: " + string.Join(", ", o.Receivers.Keys);
            throw new ConfigException($"{key}: unknown receiver '{name}' ({known} under {Section}:Receivers)");
        }
    }

    private static void ValidateGrouping(string key, List<string>? groupBy, double wait, double interval, double repeat)
    {
        foreach (var label in (groupBy ?? []).Where(string.IsNullOrWhiteSpace))
        {
            throw new ConfigException($"{key}:GroupBy: label name '{label}' is empty");
        }
        Duration($"{key}:GroupWaitSeconds", wait, allowZero: true);
        Duration($"{key}:GroupIntervalSeconds", interval, allowZero: false);
        Duration($"{key}:RepeatIntervalSeconds", repeat, allowZero: false);
    }

    private static void Duration(string key, double seconds, bool allowZero, TimeSpan? max = null)
    {
        var limit = max ?? TimeSpan.FromDays(365);
        if (!double.IsFinite(seconds) || seconds < 0 || (!allowZero && seconds == 0) || seconds > limit.TotalSeconds)
        {
            var bound = allowZero ? "0 or more" : "more than 0";
            throw new ConfigException($"{key}: {seconds} is not a duration in seconds ({bound}, at most {limit.TotalSeconds})");
        }
    }

    private static void Positive(string key, int value)
    {
        if (value < 1)
        {
            throw new ConfigException($"{key}: {value} must be 1 or more");
        }
    }

    private static void MailAddressAt(string key, string value)
    {
        if (!MailAddress.TryCreate(value, out _))
        {
            throw new ConfigException($"{key}: '{value}' is not a mail address");
        }
    }
}

namespace Warden.Aggregator.Notifications;

/// <summary>
/// The "Notifications" section: receivers by name, routes that pick receivers for a notice, and
/// Alertmanager-like grouping. Every key is documented in packaging/etc/warden/aggregator.json.
/// </summary>
public sealed class NotificationOptions
{
    /// <summary>Grouping used when neither a route nor this key says otherwise.</summary>
    public static readonly IReadOnlyList<string> DefaultGroupBy = ["severity", "component", "check"];

    /// <summary>Receivers by name; a name is letters, digits, '-', '_' and '.'.</summary>
    public Dictionary<string, ReceiverOptions> Receivers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tried in order; the first match takes the notice unless it says Continue.</summary>
    public List<RouteOptions> Routes { get; set; } = [];

    /// <summary>Receivers of a notice that no route matched; empty means it is only logged.</summary>
    public List<string> DefaultReceivers { get; set; } = [];

    /// <summary>Label names whose values key a group; null means <see cref="DefaultGroupBy"/>.</summary>
    // Null rather than a filled list: the configuration binder appends to a list it finds.
    public List<string>? GroupBy { get; set; }

    /// <summary>How long a new group waits for more notices before its first message.</summary>
    public double GroupWaitSeconds { get; set; } = 30;

    /// <summary>How long a group waits after a message before sending what changed since.</summary>
    public double GroupIntervalSeconds { get; set; } = 300;

    /// <summary>How long a group whose incidents still fire waits before sending them again.</summary>
    public double RepeatIntervalSeconds { get; set; } = 14400;

    /// <summary>Groups held at once; a notice that needs one more is dropped and counted.</summary>
    public int MaxGroups { get; set; } = 1000;

    /// <summary>Incidents held per group; more are dropped, counted and reported in the next message.</summary>
    public int MaxNoticesPerGroup { get; set; } = 1000;

    /// <summary>Notices waiting to be grouped; Enqueue drops (and counts) beyond this instead of blocking.</summary>
    public int QueueCapacity { get; set; } = 10000;

    public IReadOnlyList<string> EffectiveGroupBy => GroupBy ?? DefaultGroupBy;
}

/// <summary>One receiver: exactly one of Webhook, Exec or Smtp, and how to retry it.</summary>
public sealed class ReceiverOptions
{
    public WebhookReceiverOptions? Webhook { get; set; }

    public ExecReceiverOptions? Exec { get; set; }

    public SmtpReceiverOptions? Smtp { get; set; }

    /// <summary>Limit of one attempt (HTTP request, program run, SMTP session).</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts per message, the first included; 1 means no retry.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; each later wait doubles, up to MaxBackoffSeconds.</summary>
    public double BackoffSeconds { get; set; } = 1;

    public double MaxBackoffSeconds { get; set; } = 60;

    /// <summary>Messages waiting for this receiver; beyond it a message goes back to its group.</summary>
    public int QueueCapacity { get; set; } = 100;
}

/// <summary>POSTs the message's JSON document (schema version 1, README "Notifications").</summary>
public sealed class WebhookReceiverOptions
{
    /// <summary>Absolute http:// or https:// URL.</summary>
    public string Url { get; set; } = "";

    /// <summary>Extra request headers, e.g. Authorization.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Runs a program (no shell) with the message's JSON document on standard input.</summary>
public sealed class ExecReceiverOptions
{
    /// <summary>Absolute path of the program.</summary>
    public string Command { get; set; } = "";

    public List<string> Arguments { get; set; } = [];
}

/// <summary>Mails a plain-text summary through a site relay (no authentication).</summary>
public sealed class SmtpReceiverOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>Upgrade the session with STARTTLS before sending; off for a plain relay.</summary>
    public bool StartTls { get; set; }

    public string From { get; set; } = "";

    public List<string> To { get; set; } = [];

    /// <summary>Placeholders: {status} {severity} {count} {title} {group} {receiver}.</summary>
    public string Subject { get; set; } = "[Warden] {status} {severity}: {title}";
}

/// <summary>
/// Which notices go to which receivers. Every condition given must hold; one left out matches all.
/// </summary>
public sealed class RouteOptions
{
    /// <summary>P0..P4.</summary>
    public List<string> Severities { get; set; } = [];

    /// <summary>Firing, Escalated, Reopened, Resolved.</summary>
    public List<string> Kinds { get; set; } = [];

    /// <summary>Labels that must have exactly these values.</summary>
    public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Matches when the notice's escalation_level label is at least this (absent counts as 0).</summary>
    public int? MinEscalationLevel { get; set; }

    public List<string> Receivers { get; set; } = [];

    /// <summary>After a match, go on trying the next routes.</summary>
    public bool Continue { get; set; }

    public List<string>? GroupBy { get; set; }

    public double? GroupWaitSeconds { get; set; }

    public double? GroupIntervalSeconds { get; set; }

    public double? RepeatIntervalSeconds { get; set; }
}

namespace Warden.Aggregator.Incidents;

/// <summary>
/// Holds back notifications (never recording) for incidents it matches, from StartsAt until
/// EndsAt. A maintenance window is a silence that starts in the future. Each matcher that is set
/// must match: Host, Component and Check are globs ('*', '?'); Label is "key=value" against the
/// incident's labels.
/// </summary>
public sealed class Silence
{
    public long Id { get; set; }

    public string? Host { get; set; }

    public string? Component { get; set; }

    public string? Check { get; set; }

    public string? Label { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public string Comment { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public bool IsActive(DateTime now) => StartsAt <= now && now < EndsAt;

    public string Describe()
    {
        var parts = new List<string>();
        Add("host", Host);
        Add("component", Component);
        Add("check", Check);
        Add("label", Label);
        return $"silence {Id} ({string.Join(", ", parts)})";

        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={value}");
            }
        }
    }
}

/// <summary>One audited action: who did what to which incident or silence, when and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public long? IncidentId { get; set; }

    public long? SilenceId { get; set; }

    public string Reason { get; set; } = "";
}

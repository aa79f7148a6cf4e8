namespace Warden.Aggregator.Incidents;

/// <summary>
/// What made the decision (DESIGN.md: every decision keeps the samples, the rule and the counters):
/// the check transitions and heal events seen, the readings around the first one, and counters.
/// Bounded so that a long-lived incident cannot grow without end.
/// </summary>
public sealed class IncidentEvidence
{
    public const int MaxTransitions = 50;
    public const int MaxHeals = 50;
    public const int MaxReadings = 64;

    public List<EvidenceTransition> Transitions { get; set; } = [];

    public List<EvidenceHeal> Heals { get; set; } = [];

    public List<EvidenceReading> Readings { get; set; } = [];

    public Dictionary<string, long> Counters { get; set; } = new(StringComparer.Ordinal);

    public void Count(string counter, long by = 1) => Counters[counter] = Counters.GetValueOrDefault(counter) + by;

    public static void AddBounded<T>(List<T> list, T item, int max)
    {
        // Keep the first (what opened it) and the most recent ones.
        if (list.Count >= max)
        {
            list.RemoveAt(1);
        }
        list.Add(item);
    }
}

public sealed class EvidenceTransition
{
    public string Host { get; set; } = "";

    public DateTime At { get; set; }

    public string Component { get; set; } = "";

    public string Check { get; set; } = "";

    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public string StateType { get; set; } = "";

    public int Attempt { get; set; }

    public int MaxAttempts { get; set; }

    public double Value { get; set; }

    public string Threshold { get; set; } = "";

    public string Reason { get; set; } = "";
}

public sealed class EvidenceHeal
{
    public string Host { get; set; } = "";

    public DateTime At { get; set; }

    public string Check { get; set; } = "";

    public string Action { get; set; } = "";

    public string Outcome { get; set; } = "";

    public int RunsInWindow { get; set; }

    public int Budget { get; set; }

    public string Rule { get; set; } = "";

    public string Detail { get; set; } = "";
}

public sealed class EvidenceReading
{
    public string Host { get; set; } = "";

    public DateTime At { get; set; }

    public string Name { get; set; } = "";

    public string Subject { get; set; } = "";

    public double Last { get; set; }

    public double Min { get; set; }

    public double Max { get; set; }
}

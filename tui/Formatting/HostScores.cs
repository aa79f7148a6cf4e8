using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>
/// A host's health scores as its latest readings carry them (`score.host`, `score.&lt;component&gt;`,
/// readings.proto); null where the host sent no such reading.
/// </summary>
internal sealed record HostScores(double? Host, IReadOnlyList<double?> Components)
{
    private static readonly string[] ScoreNames = [.. HealthComponents.Names.Select(name => "score." + name)];

    public static HostScores From(HostSummary host)
    {
        var components = new double?[HealthComponents.Names.Count];
        for (int i = 0; i < components.Length; i++)
        {
            components[i] = HostReadings.Find(host, ScoreNames[i]);
        }

        return new HostScores(HostReadings.Find(host, "score.host"), components);
    }

    /// <summary>The lowest-scoring component with data (the first in display order on a tie); null when none has data.</summary>
    public int? WorstIndex()
    {
        int? worst = null;
        for (int i = 0; i < Components.Count; i++)
        {
            if (Components[i] is double score && (worst is null || score < Components[worst.Value]!.Value))
            {
                worst = i;
            }
        }

        return worst;
    }
}

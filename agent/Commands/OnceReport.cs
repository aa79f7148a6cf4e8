using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Warden.Agent.Checks;
using Warden.Agent.Sensing;

namespace Warden.Agent.Commands;

/// <summary>What `warden-agent once` prints: the readings, every check's outcome and the scores.</summary>
internal sealed record OnceReport(string Host, DateTimeOffset Time, IReadOnlyDictionary<string, double?> Readings,
    double? Score, string? WorstComponent, IReadOnlyDictionary<string, int> Components, IReadOnlyList<OnceCheck> Checks)
{
    public static OnceReport From(string host, DateTimeOffset time, HostReadings readings, IReadOnlyList<CheckOutcome> outcomes)
    {
        var values = new SortedDictionary<string, double?>(StringComparer.Ordinal);
        for (var i = 0; i < ReadingNames.Count; i++)
        {
            values[ReadingNames.Of((ReadingId)i)] = Finite(readings[(ReadingId)i]);
        }
        var health = HealthScore.Of(outcomes);
        var components = health.Components.ToDictionary(c => CheckNames.Of(c.Key), c => c.Value, StringComparer.Ordinal);
        var checks = outcomes.Select(o => new OnceCheck(CheckNames.Of(o.Component), o.Check, o.Subject,
            CheckNames.Of(o.Result.Status), Finite(o.Result.Value), o.Result.Threshold, o.Result.Reason)).ToList();
        return new OnceReport(host, time, values, health.Score, health.Worst is { } worst ? CheckNames.Of(worst) : null, components, checks);
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"host {Host} at {Time:yyyy-MM-ddTHH:mm:ssK}\n\nREADINGS\n");
        foreach (var (name, value) in Readings)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {name,-22} {Number(value)}\n");
        }
        text.Append("\nCHECKS\n");
        if (Checks.Count == 0)
        {
            text.Append("  (no checks enabled)\n");
        }
        var rows = Checks.Select(c => new[] { c.Component, c.Subject.Length == 0 ? c.Check : $"{c.Check}:{c.Subject}", c.State, Number(c.Value), c.Reason }).ToList();
        rows.Insert(0, ["COMPONENT", "CHECK", "STATE", "VALUE", "REASON"]);
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in Checks.Count == 0 ? [] : rows)
        {
            text.Append("  ");
            for (var i = 0; i < 4; i++)
            {
                text.Append(row[i].PadRight(widths[i] + 2));
            }
            text.Append(row[4]).Append('\n');
        }
        text.Append("\nSCORES\n");
        foreach (var (component, score) in Components)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {component,-10} {score,3}  {HostHealth.Band(score)}\n");
        }
        text.Append(Score is { } host
            ? string.Create(CultureInfo.InvariantCulture, $"  {"host",-10} {host,3:0}  {HostHealth.Band(host)}, worst: {WorstComponent}\n")
            : "  host       no data\n");
        return text.ToString();
    }

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 3) : null;

    private static string Number(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "-";
}

internal sealed record OnceCheck(string Component, string Check, string Subject, string State, double? Value, string Threshold, string Reason);

/// <summary>Source-generated, so `once --json` works under Native AOT.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OnceReport))]
internal sealed partial class OnceJsonContext : JsonSerializerContext;

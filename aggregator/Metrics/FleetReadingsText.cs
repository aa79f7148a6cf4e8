using System.Globalization;
using System.Text;
using Warden.Aggregator.Storage;

namespace Warden.Aggregator.Metrics;

/// <summary>
/// The fleet's latest readings in Prometheus text format, one gauge family per reading name
/// (cpu.busy_pct -> warden_reading_cpu_busy_pct{host,subject}), written at scrape time from the
/// fleet view so that no per-series state is kept. Readings with no data are left out.
/// </summary>
public static class FleetReadingsText
{
    public const string Prefix = "warden_reading_";

    public static void Write(StringBuilder text, IEnumerable<(string Host, IReadOnlyList<StoredReading> Latest)> hosts)
    {
        var families = new SortedDictionary<string, List<(string Host, StoredReading Reading)>>(StringComparer.Ordinal);
        foreach (var (host, latest) in hosts)
        {
            foreach (var reading in latest)
            {
                if (reading.Count == 0)
                {
                    continue;
                }
                if (!families.TryGetValue(reading.Name, out var family))
                {
                    families[reading.Name] = family = [];
                }
                family.Add((host, reading));
            }
        }
        foreach (var (name, family) in families)
        {
            var metric = MetricName(name);
            text.Append("# HELP ").Append(metric).Append(" Latest ").Append(name).Append(" of each host (last value of its shipping window).\n");
            text.Append("# TYPE ").Append(metric).Append(" gauge\n");
            foreach (var (host, reading) in family)
            {
                text.Append(metric).Append("{host=\"").Append(Escape(host)).Append("\",subject=\"").Append(Escape(reading.Subject)).Append("\"} ")
                    .Append(reading.Last.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }

    /// <summary>A reading name as a Prometheus metric name: anything but [a-zA-Z0-9_] becomes '_'.</summary>
    public static string MetricName(string reading)
    {
        var name = new StringBuilder(Prefix, Prefix.Length + reading.Length);
        foreach (var c in reading)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
        return name.ToString();
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

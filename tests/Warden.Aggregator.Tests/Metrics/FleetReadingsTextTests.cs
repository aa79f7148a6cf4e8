using System.Text;
using Warden.Aggregator.Metrics;
using Warden.Aggregator.Storage;

namespace Warden.Aggregator.Tests.Metrics;

public sealed class FleetReadingsTextTests
{
    [Fact]
    public void Each_reading_name_is_one_gauge_family_with_host_and_subject_labels()
    {
        var text = new StringBuilder();
        FleetReadingsText.Write(text, [
            ("web-01", [Reading("cpu.busy_pct", "", 12.5), Reading("disk.used_pct", "/var", 91)]),
            ("web-02", [Reading("cpu.busy_pct", "", 3), Reading("score.vm", "", 0, count: 0)]),
        ]);
        Assert.Equal("""
            # HELP warden_reading_cpu_busy_pct Latest cpu.busy_pct of each host (last value of its shipping window).
            # TYPE warden_reading_cpu_busy_pct gauge
            warden_reading_cpu_busy_pct{host="web-01",subject=""} 12.5
            warden_reading_cpu_busy_pct{host="web-02",subject=""} 3
            # HELP warden_reading_disk_used_pct Latest disk.used_pct of each host (last value of its shipping window).
            # TYPE warden_reading_disk_used_pct gauge
            warden_reading_disk_used_pct{host="web-01",subject="/var"} 91

            """.ReplaceLineEndings("\n"), text.ToString());
    }

    [Fact]
    public void Label_values_are_escaped_and_odd_names_sanitised()
    {
        var text = new StringBuilder();
        FleetReadingsText.Write(text, [("h", [Reading("exec.check-http/latency", "a \"b\"\\c\nd", 1)])]);
        Assert.Contains("warden_reading_exec_check_http_latency{host=\"h\",subject=\"a \\\"b\\\"\\\\c\\nd\"} 1\n", text.ToString(), StringComparison.Ordinal);
    }

    private static StoredReading Reading(string name, string subject, double last, long count = 10) =>
        new() { Name = name, Subject = subject, Last = last, Min = last, Max = last, Count = count };
}

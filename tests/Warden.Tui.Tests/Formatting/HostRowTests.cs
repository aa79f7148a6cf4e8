using Warden.Proto.V1;
using Warden.Tui.Formatting;
using Warden.Tui.Tests.Fixtures;

namespace Warden.Tui.Tests.Formatting;

public sealed class HostRowTests
{
    [Fact]
    public void Formats_every_column_of_a_reporting_host()
    {
        HostRow row = HostRow.From(Hosts.Web01(), Hosts.ServerTime);

        Assert.Equal(new HostRow("web-01", "connected", "-", "-", "3s", "12.3", "56.8", "0.50/1.25/2.00", "0.1.0"), row);
    }

    [Fact]
    public void Health_and_worst_component_read_as_in_the_fleet_view()
    {
        HostSummary host = Hosts.Scored("web-03", 86, [100, 72, null, 100, 100, 100]);

        HostRow row = HostRow.From(host, Hosts.ServerTime);

        Assert.Equal("86 degraded", row.Health);
        Assert.Equal("storage", row.Worst);
    }

    [Fact]
    public void Missing_readings_and_fields_print_a_dash()
    {
        HostSummary host = Hosts.Db02();
        host.AgentVersion = string.Empty;

        HostRow row = HostRow.From(host, Hosts.ServerTime);

        Assert.Equal(new HostRow("db-02", "disconnected", "-", "-", "2m", "-", "-", "-", "-"), row);
    }

    [Fact]
    public void A_host_never_seen_has_no_age()
    {
        HostSummary host = Hosts.Db02();
        host.LastSeen = null;

        Assert.Equal("-", HostRow.From(host, Hosts.ServerTime).LastSeen);
    }

    [Fact]
    public void A_reading_with_no_samples_counts_as_missing()
    {
        HostSummary host = Hosts.Db02();
        host.Latest.Add(Hosts.Reading("cpu.busy_pct", 0, count: 0));

        Assert.Equal("-", HostRow.From(host, Hosts.ServerTime).Cpu);
    }

    [Fact]
    public void Per_subject_readings_do_not_stand_in_for_host_wide_ones()
    {
        HostSummary host = Hosts.Db02();
        host.Latest.Add(Hosts.Reading("cpu.busy_pct", 99, subject: "nginx.service"));

        Assert.Equal("-", HostRow.From(host, Hosts.ServerTime).Cpu);
    }

    [Fact]
    public void Memory_share_is_derived_from_bytes_when_the_percentage_is_absent()
    {
        HostSummary host = Hosts.Db02();
        host.Latest.Add(Hosts.Reading("mem.available_bytes", 1_000));
        host.Latest.Add(Hosts.Reading("mem.total_bytes", 4_000));

        Assert.Equal("75.0", HostRow.From(host, Hosts.ServerTime).Mem);
    }

    [Fact]
    public void A_partial_load_triple_keeps_its_shape()
    {
        HostSummary host = Hosts.Db02();
        host.Latest.Add(Hosts.Reading("load.1", 3));

        Assert.Equal("3.00/-/-", HostRow.From(host, Hosts.ServerTime).Load);
    }
}

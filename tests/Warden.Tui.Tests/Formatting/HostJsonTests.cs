using System.Text.Json;
using Warden.Tui.Formatting;
using Warden.Tui.Tests.Fixtures;

namespace Warden.Tui.Tests.Formatting;

public sealed class HostJsonTests
{
    private static readonly string[] HostProperties =
    [
        "host", "connected", "lastSeen", "lastSeenAgeSeconds", "cpuBusyPct", "memUsedPct",
        "load1", "load5", "load15", "agentVersion", "lastSequence", "machineId",
    ];

    [Fact]
    public void Document_has_the_published_property_names_and_nothing_else()
    {
        using JsonDocument json = Serialize();

        Assert.Equal(["serverTime", "hosts"], json.RootElement.EnumerateObject().Select(p => p.Name));
        foreach (JsonElement host in json.RootElement.GetProperty("hosts").EnumerateArray())
        {
            Assert.Equal(HostProperties, host.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void Values_are_typed_and_times_are_iso_8601()
    {
        using JsonDocument json = Serialize();
        JsonElement web = json.RootElement.GetProperty("hosts")[1];

        Assert.Equal("web-01", web.GetProperty("host").GetString());
        Assert.True(web.GetProperty("connected").GetBoolean());
        Assert.Equal(Hosts.ServerTime.AddSeconds(-3), DateTimeOffset.Parse(web.GetProperty("lastSeen").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, web.GetProperty("lastSeenAgeSeconds").GetInt64());
        Assert.Equal(12.34, web.GetProperty("cpuBusyPct").GetDouble());
        Assert.Equal(56.78, web.GetProperty("memUsedPct").GetDouble());
        Assert.Equal(1.25, web.GetProperty("load5").GetDouble());
        Assert.Equal(4242UL, web.GetProperty("lastSequence").GetUInt64());
        Assert.Equal("0f1e2d3c4b5a69788796a5b4c3d2e1f0", web.GetProperty("machineId").GetString());
    }

    [Fact]
    public void Missing_readings_are_null_not_absent()
    {
        using JsonDocument json = Serialize();
        JsonElement db = json.RootElement.GetProperty("hosts")[0];

        Assert.Equal("db-02", db.GetProperty("host").GetString());
        foreach (string name in new[] { "cpuBusyPct", "memUsedPct", "load1", "load5", "load15", "machineId" })
        {
            Assert.Equal(JsonValueKind.Null, db.GetProperty(name).ValueKind);
        }
    }

    private static JsonDocument Serialize() =>
        JsonDocument.Parse(JsonSerializer.Serialize(
            HostListDocument.From([Hosts.Web01(), Hosts.Db02()], Hosts.ServerTime),
            HostJsonContext.Default.HostListDocument));
}

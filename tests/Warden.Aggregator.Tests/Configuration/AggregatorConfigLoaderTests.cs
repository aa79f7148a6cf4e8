using Warden.Aggregator.Configuration;
using Warden.Aggregator.Incidents;

namespace Warden.Aggregator.Tests.Configuration;

public sealed class AggregatorConfigLoaderTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    [Fact]
    public void The_shipped_example_is_valid_and_equals_the_defaults()
    {
        var example = FindRepoFile("packaging/etc/warden/aggregator.json");
        var options = AggregatorConfigLoader.Load(example);
        var defaults = new AggregatorOptions();
        Assert.Equal((defaults.Listen, defaults.StateDirectory, defaults.DatabaseFile), (options.Listen, options.StateDirectory, options.DatabaseFile));
        Assert.Equivalent(defaults.Ingest, options.Ingest, strict: true);
        Assert.Equivalent(defaults.Liveness, options.Liveness, strict: true);
        Assert.Equivalent(defaults.RecentReadings, options.RecentReadings, strict: true);
        Assert.Equivalent(defaults.Metrics, options.Metrics, strict: true);
        Assert.Equivalent(defaults.Retention, options.Retention, strict: true);
        Assert.Equal(7400, AggregatorConfigLoader.Validate(options).Port);
        // Every Incidents setting in the example is the default, so the file documents them truthfully.
        foreach (var property in typeof(IncidentOptions).GetProperties().Where(p => p.Name != nameof(IncidentOptions.Rules)))
        {
            Assert.Equal(property.GetValue(defaults.Incidents), property.GetValue(options.Incidents));
        }
        Assert.Empty(options.Incidents.Rules);
    }

    [Theory]
    [InlineData("""{ "Ingest": { "QueueCapacity": 0 } }""", "Ingest:QueueCapacity: 0 must be a number above 0")]
    [InlineData("""{ "Liveness": { "SilentAfterIntervals": -1 } }""", "Liveness:SilentAfterIntervals: -1 must be a number above 0")]
    [InlineData("""{ "Retention": { "ChunkRecords": 0 } }""", "Retention:ChunkRecords: 0 must be a number above 0")]
    [InlineData("""{ "Metrics": { "Listen": "http://10.0.0.1:7401" } }""", "Metrics:Listen: 'http://10.0.0.1:7401' is not a loopback address")]
    [InlineData("""{ "Metrics": { "Listen": "7401" } }""", "Metrics:Listen: '7401' is not of the form http://IP:PORT")]
    public void A_bad_ingest_liveness_retention_or_metrics_value_is_named(string json, string expected)
    {
        var path = _dir.File("aggregator.json");
        File.WriteAllText(path, json);
        var e = Assert.Throws<ConfigException>(() => AggregatorConfigLoader.Validate(AggregatorConfigLoader.Load(path)));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_nested_key_is_named()
    {
        var e = LoadFails("""{ "Retention": { "SampleDays": 3 } }""");
        Assert.Contains("'SampleDays'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_named()
    {
        var e = LoadFails("""{ "Listn": "http://127.0.0.1:1" }""");
        Assert.Contains("'Listn'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_names_the_file()
    {
        var e = LoadFails("{ \"Listen\": ");
        Assert.Contains("aggregator.json cannot be read", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:7400", "not a loopback address")]
    [InlineData("http://192.0.2.1:7400", "not a loopback address")]
    [InlineData("https://127.0.0.1:7400", "not of the form")]
    [InlineData("localhost:7400", "not of the form")]
    public void Listening_beyond_loopback_or_on_a_bad_address_is_refused(string listen, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => AggregatorConfigLoader.Validate(new AggregatorOptions { Listen = listen }));
        Assert.Contains("Listen: '" + listen + "'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ipv6_loopback_and_port_zero_are_accepted()
    {
        var endpoint = AggregatorConfigLoader.Validate(new AggregatorOptions { Listen = "http://[::1]:0" });
        Assert.Equal(0, endpoint.Port);
    }

    private ConfigException LoadFails(string json)
    {
        var path = _dir.File("aggregator.json");
        File.WriteAllText(path, json);
        return Assert.Throws<ConfigException>(() => AggregatorConfigLoader.Load(path));
    }

    internal static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException(relative);
    }

    public void Dispose() => _dir.Dispose();
}

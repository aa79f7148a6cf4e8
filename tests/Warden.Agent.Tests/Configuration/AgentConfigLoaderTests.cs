using Microsoft.Extensions.Configuration;
using Warden.Agent.Configuration;

namespace Warden.Agent.Tests.Configuration;

public class AgentConfigLoaderTests
{
    [Fact]
    public void A_file_with_comments_sets_what_it_names_and_leaves_defaults_elsewhere()
    {
        using var dir = TestTrees.Scratch();
        var path = dir.File("agent.json");
        File.WriteAllText(path, """
            {
              // operators comment their files
              "Host": "web-01",
              "Aggregator": { "Endpoints": [ "http://127.0.0.1:9000" ] }, /* and this too */
              "Sampling": { "ShipIntervalSeconds": 5 },
            }
            """);
        var options = AgentConfigLoader.Load(path);
        Assert.Equal("web-01", options.Host);
        Assert.Equal(["http://127.0.0.1:9000"], options.Aggregator.Endpoints);
        Assert.Equal(5, options.Sampling.ShipIntervalSeconds);
        Assert.Equal(1, options.Sampling.SenseIntervalSeconds);
        Assert.Equal("/proc", options.ProcRoot);
    }

    [Fact]
    public void No_file_at_the_default_path_means_defaults()
    {
        using var dir = TestTrees.Scratch();
        var options = AgentConfigLoader.Load(null, defaultPath: dir.File("agent.json"));
        Assert.Equal([AggregatorOptions.DefaultEndpoint], options.Aggregator.Endpoints);
        Assert.Equal(10, options.Sampling.ShipIntervalSeconds);
    }

    [Fact]
    public void A_named_file_that_is_missing_is_an_error_naming_it()
    {
        using var dir = TestTrees.Scratch();
        var e = Assert.Throws<ConfigException>(() => AgentConfigLoader.Load(dir.File("nope.json")));
        Assert.Contains("nope.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_top_level_key_is_named()
    {
        var e = LoadFails("""{ "Hots": "web-01" }""");
        Assert.Contains("'Hots'", e.Message, StringComparison.Ordinal);
        Assert.Contains("top level", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_in_a_section_is_named_with_its_section()
    {
        var e = LoadFails("""{ "Sampling": { "ShipIntervalSecs": 5 } }""");
        Assert.Contains("'ShipIntervalSecs'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Sampling", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_key()
    {
        var e = LoadFails("""{ "Sampling": { "SenseIntervalSeconds": "fast" } }""");
        Assert.Contains("Sampling:SenseIntervalSeconds", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "Sampling": { "SenseIntervalSeconds": 0 } }""", "Sampling:SenseIntervalSeconds")]
    [InlineData("""{ "Sampling": { "SenseIntervalSeconds": 5, "ShipIntervalSeconds": 2 } }""", "Sampling:ShipIntervalSeconds")]
    [InlineData("""{ "Aggregator": { "Endpoints": [ "ftp://x" ] } }""", "Aggregator:Endpoints:0: 'ftp://x'")]
    [InlineData("""{ "Spool": { "SegmentBytes": 10 } }""", "Spool:SegmentBytes")]
    [InlineData("""{ "Spool": { "MaxBytes": 1048576 } }""", "Spool:MaxBytes")]
    [InlineData("""{ "Spool": { "FsyncIntervalMs": 0 } }""", "Spool:FsyncIntervalMs")]
    [InlineData("""{ "Aggregator": { "Compression": "brotli" } }""", "Aggregator:Compression: 'brotli'")]
    [InlineData("""{ "Aggregator": { "KeepAlivePingDelaySeconds": 0.5 } }""", "Aggregator:KeepAlivePingDelaySeconds: 0.5")]
    [InlineData("""{ "Aggregator": { "KeepAlivePingTimeoutSeconds": 0 } }""", "Aggregator:KeepAlivePingTimeoutSeconds: 0")]
    [InlineData("""{ "Aggregator": { "FailbackSeconds": -1 } }""", "Aggregator:FailbackSeconds: -1")]
    [InlineData("""{ "Aggregator": { "BatchDelayMs": 20000 } }""", "Aggregator:BatchDelayMs: 20000")]
    [InlineData("""{ "Logging": { "Format": "xml" } }""", "Logging:Format: 'xml'")]
    [InlineData("""{ "Logging": { "Level": "None" } }""", "Logging:Level: 'None'")]
    [InlineData("""{ "Logging": { "Level": "3" } }""", "Logging:Level: '3'")]
    [InlineData("""{ "Spool": { "Fsync": "sometimes" } }""", "Spool")]
    [InlineData("""{ "Host": "web 01; rm -rf" }""", "Host: 'web 01; rm -rf'")]
    [InlineData("""{ "Memory": { "ReleaseStartupPagesAfterSeconds": -1 } }""", "Memory:ReleaseStartupPagesAfterSeconds: -1")]
    [InlineData("""{ "Memory": { "CompactHeapEverySeconds": 0.5 } }""", "Memory:CompactHeapEverySeconds: 0.5")]
    public void A_bad_value_is_named_with_its_key(string json, string expected)
    {
        var e = LoadFails(json);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_an_unreadable_file()
    {
        var e = LoadFails("""{ "Host": "web-01" """);
        Assert.Contains("cannot be read", e.Message, StringComparison.Ordinal);
        Assert.Contains("agent.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_in_place_of_the_file_is_an_error()
    {
        using var dir = TestTrees.Scratch();
        var e = Assert.Throws<ConfigException>(() => AgentConfigLoader.Load(dir.Path));
        Assert.Contains("is a directory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_example_config_loads_and_sets_every_key()
    {
        var example = Path.Combine(TestTrees.FixtureRoot, "..", "..", "..", "packaging", "etc", "warden", "agent.json");
        var options = AgentConfigLoader.Load(example);
        Assert.Equal("/var/lib/warden-agent", options.StateDirectory);
        Assert.Equal([AggregatorOptions.DefaultEndpoint], options.Aggregator.Endpoints);
    }

    [Fact]
    public void The_shipped_example_documents_every_key_the_agent_knows()
    {
        var example = Path.Combine(TestTrees.FixtureRoot, "..", "..", "..", "packaging", "etc", "warden", "agent.json");
        var documented = new ConfigurationBuilder().AddJsonFile(example).Build()
            .AsEnumerable().Select(kv => System.Text.RegularExpressions.Regex.Replace(kv.Key, @":\d+(?=:|$)", ""))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var text = File.ReadAllText(example);
        // Keys of list entries are documented in a commented example entry ("Unit": ...), the rest as real keys.
        var missing = OptionKeys(typeof(AgentOptions), "", inList: false)
            .Where(k => k.InList ? !text.Contains($"\"{k.Key[(k.Key.LastIndexOf(':') + 1)..]}\":", StringComparison.Ordinal) : !documented.Contains(k.Key))
            .Select(k => k.Key)
            .ToList();
        Assert.True(missing.Count == 0, "packaging/etc/warden/agent.json does not document: " + string.Join(", ", missing));
    }

    // Every settable property, as a configuration key path; the test may use reflection, the agent does not.
    private static IEnumerable<(string Key, bool InList)> OptionKeys(Type type, string prefix, bool inList)
    {
        foreach (var property in type.GetProperties().Where(p => p.CanWrite))
        {
            var key = prefix + property.Name;
            var t = property.PropertyType;
            var element = t.IsArray ? t.GetElementType()! : t;
            if (element.IsClass && element != typeof(string) && element.Namespace?.StartsWith("Warden", StringComparison.Ordinal) == true)
            {
                foreach (var inner in OptionKeys(element, key + ":", inList || t.IsArray))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return (key, inList);
            }
        }
    }

    private static ConfigException LoadFails(string json)
    {
        using var dir = TestTrees.Scratch();
        var path = dir.File("agent.json");
        File.WriteAllText(path, json);
        return Assert.Throws<ConfigException>(() => AgentConfigLoader.Load(path));
    }
}

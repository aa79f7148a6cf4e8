using Warden.Aggregator.Configuration;
using Warden.Aggregator.Incidents;

namespace Warden.Aggregator.Tests.Incidents;

public sealed class RuleSetTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    [Fact]
    public void Site_rules_from_the_file_come_first_and_replace_a_default_of_the_same_name()
    {
        var options = Load("""
            { "Incidents": { "Rules": [
                { "Name": "db-disk", "Component": "storage", "Check": "disk_space:/var/lib/*", "States": "CRIT,WARN", "For": "00:02:00", "Severity": "P1" },
                { "Name": "warning", "States": "WARN", "Severity": "P3" } ] } }
            """);
        var rules = RuleSet.From(options.Incidents);

        Assert.Equal(["db-disk", "warning", "heal-exhausted", "host-silent", "service-down-fleet", "service-down", "disk-critical", "vm-down", "critical"],
            rules.Rules.Select(r => r.Name));
        var db = rules.Matching("storage", "disk_space:/var/lib/postgresql", "WARN", hard: true).First();
        Assert.Equal(("db-disk", Severity.P1, TimeSpan.FromMinutes(2)), (db.Name, db.Severity, db.For));
        Assert.Equal("warning", rules.Matching("storage", "disk_space:/home", "WARN", hard: true).First().Name);
        Assert.Equal(Severity.P3, rules.Rules.Single(r => r.Name == "warning").Severity);
    }

    [Fact]
    public void Globs_state_and_state_type_decide_a_match()
    {
        var rules = RuleSet.From(new IncidentOptions());
        Assert.Equal("disk-critical", rules.Matching("storage", "disk_space:/var", "CRIT", hard: true).First().Name);
        Assert.Equal("critical", rules.Matching("storage", "disk_latency:sda", "CRIT", hard: true).First().Name);
        Assert.Empty(rules.Matching("storage", "disk_space:/var", "CRIT", hard: false)); // SOFT is not yet a failure
        Assert.Equal("service-down-fleet", rules.Matching("service", "process_running:nginx", "CRIT", hard: true).First().Name);
        Assert.True(rules.Rules.Single(r => r.Name == "service-down-fleet").IsFleetRule);
        Assert.Equal(10, rules.Rules.Single(r => r.Name == "service-down-fleet").HostsNeeded(40));
        Assert.Equal("heal-exhausted", rules.First(DetectionKind.HealExhausted, "service", "process_running:nginx")!.Name);
    }

    [Theory]
    [InlineData("""{ "Name": "x", "Severity": "P7" }""", "Incidents:Rules:0:Severity: 'P7'")]
    [InlineData("""{ "Name": "x", "States": "UNKNOWN" }""", "Incidents:Rules:0:States: 'UNKNOWN'")]
    [InlineData("""{ "Name": "x", "StateType": "hard" }""", "Incidents:Rules:0:StateType: 'hard'")]
    [InlineData("""{ "Name": "x", "Kind": "disk" }""", "Incidents:Rules:0:Kind: 'disk'")]
    [InlineData("""{ "Name": "", "Severity": "P1" }""", "Incidents:Rules:0:Name: must not be empty")]
    [InlineData("""{ "Name": "x", "MinShare": 1.5 }""", "Incidents:Rules:0:MinShare: 1.5")]
    [InlineData("""{ "Name": "x", "MinHosts": 0 }""", "Incidents:Rules:0:MinHosts: 0")]
    [InlineData("""{ "Name": "x", "For": "-00:01:00" }""", "Incidents:Rules:0:For: '-00:01:00'")]
    public void A_bad_rule_is_refused_naming_the_key_and_value(string rule, string expected)
    {
        var options = Load($$"""{ "Incidents": { "Rules": [ {{rule}} ] } }""");
        var e = Assert.Throws<ConfigException>(() => AggregatorConfigLoader.Validate(options));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"FleetMinHosts\": 1", "Incidents:FleetMinHosts: 1")]
    [InlineData("\"PartitionMinShare\": 0", "Incidents:PartitionMinShare: 0")]
    [InlineData("\"AutoResolveAfter\": \"00:00:00\"", "Incidents:AutoResolveAfter: '00:00:00'")]
    [InlineData("\"PartitionSeverity\": \"high\"", "Incidents:PartitionSeverity: 'high'")]
    [InlineData("\"FlapChanges\": 1", "Incidents:FlapChanges: 1")]
    [InlineData("\"NotifyHold\": \"-00:00:01\"", "Incidents:NotifyHold: '-00:00:01'")]
    public void A_bad_setting_is_refused_naming_the_key_and_value(string setting, string expected)
    {
        var options = Load($$"""{ "Incidents": { {{setting}} } }""");
        var e = Assert.Throws<ConfigException>(() => AggregatorConfigLoader.Validate(options));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duration_that_is_not_one_names_the_key()
    {
        var path = _dir.File("aggregator.json");
        File.WriteAllText(path, """{ "Incidents": { "FleetWindow": "5 minutes" } }""");
        var e = Assert.Throws<ConfigException>(() => AggregatorConfigLoader.Load(path));
        Assert.Contains("Incidents:FleetWindow", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_rules_of_one_name_are_refused()
    {
        var options = Load("""{ "Incidents": { "Rules": [ { "Name": "a" }, { "Name": "a" } ] } }""");
        var e = Assert.Throws<ConfigException>(() => AggregatorConfigLoader.Validate(options));
        Assert.Contains("Incidents:Rules:1:Name: 'a' names two rules", e.Message, StringComparison.Ordinal);
    }

    private AggregatorOptions Load(string json)
    {
        var path = _dir.File("aggregator.json");
        File.WriteAllText(path, json);
        return AggregatorConfigLoader.Load(path);
    }

    public void Dispose() => _dir.Dispose();
}

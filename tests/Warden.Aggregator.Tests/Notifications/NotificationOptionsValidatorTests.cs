using Warden.Aggregator.Configuration;
using Warden.Aggregator.Notifications;

namespace Warden.Aggregator.Tests.Notifications;

/// <summary>The Notifications section as read from the aggregator's file: bound, validated, bad keys and values named.</summary>
public sealed class NotificationOptionsValidatorTests : IDisposable
{
    private const string Valid = """
        {
          "Notifications": {
            "Receivers": {
              "ops": { "Webhook": { "Url": "https://hooks.site.test/warden", "Headers": { "Authorization": "Bearer x" } }, "MaxAttempts": 3 },
              "pager": { "Exec": { "Command": "/usr/local/bin/page", "Arguments": [ "--team", "storage" ] }, "TimeoutSeconds": 20 },
              "mail": { "Smtp": { "Host": "relay.site.test", "From": "warden@site.test", "To": [ "ops@site.test" ] } }
            },
            "Routes": [
              { "Kinds": [ "Escalated" ], "MinEscalationLevel": 1, "Receivers": [ "pager" ], "Continue": true, "GroupWaitSeconds": 0 },
              { "Severities": [ "P0", "P1" ], "Labels": { "component": "storage" }, "Receivers": [ "ops", "mail" ], "GroupBy": [ "incident" ] }
            ],
            "DefaultReceivers": [ "ops" ],
            "GroupBy": [ "severity" ],
            "GroupWaitSeconds": 10
          }
        }
        """;

    private readonly ScratchDirectory _dir = new();

    [Fact]
    public void A_full_section_binds_and_validates()
    {
        var options = Load(Valid);
        AggregatorConfigLoader.Validate(options);
        var n = options.Notifications;

        Assert.Equal(["mail", "ops", "pager"], n.Receivers.Keys.Order());
        Assert.Equal("Bearer x", n.Receivers["ops"].Webhook!.Headers["Authorization"]);
        Assert.Equal(["--team", "storage"], n.Receivers["pager"].Exec!.Arguments);
        Assert.Equal((25, false), (n.Receivers["mail"].Smtp!.Port, n.Receivers["mail"].Smtp!.StartTls));
        Assert.Equal((1, true, 0.0), (n.Routes[0].MinEscalationLevel, n.Routes[0].Continue, n.Routes[0].GroupWaitSeconds));
        Assert.Equal(["severity"], n.EffectiveGroupBy);
        Assert.Equal(["severity", "component", "check"], new NotificationOptions().EffectiveGroupBy);
    }

    [Theory]
    [InlineData("\"Receivers\": [ \"pagr\" ]", "Notifications:Routes:0:Receivers: unknown receiver 'pagr' (defined: mail, ops, pager")]
    [InlineData("\"Receivers\": [ ]", "Notifications:Routes:0:Receivers: needs at least one receiver")]
    [InlineData("\"Receivers\": [ \"ops\" ], \"Severities\": [ \"P9\" ]", "Notifications:Routes:0:Severities: 'P9' is not one of P0, P1, P2, P3, P4")]
    [InlineData("\"Receivers\": [ \"ops\" ], \"Kinds\": [ \"Fired\" ]", "Notifications:Routes:0:Kinds: 'Fired' is not one of Firing, Escalated, Reopened, Resolved")]
    [InlineData("\"Receivers\": [ \"ops\" ], \"MinEscalationLevel\": -1", "Notifications:Routes:0:MinEscalationLevel: -1 is negative")]
    [InlineData("\"Receivers\": [ \"ops\" ], \"GroupIntervalSeconds\": -5", "Notifications:Routes:0:GroupIntervalSeconds: -5 is not a duration")]
    public void A_bad_route_is_named_with_its_value(string route, string expected) =>
        AssertRefused(Valid.Replace("\"Routes\": [", $"\"Routes\": [ {{ {route} }},", StringComparison.Ordinal), expected);

    [Theory]
    [InlineData("\"GroupWaitSeconds\": 10", "\"GroupWaitSeconds\": -1", "Notifications:GroupWaitSeconds: -1 is not a duration in seconds (0 or more")]
    [InlineData("\"GroupWaitSeconds\": 10", "\"GroupIntervalSeconds\": 0", "Notifications:GroupIntervalSeconds: 0 is not a duration in seconds (more than 0")]
    [InlineData("\"GroupWaitSeconds\": 10", "\"MaxGroups\": 0", "Notifications:MaxGroups: 0 must be 1 or more")]
    [InlineData("\"DefaultReceivers\": [ \"ops\" ]", "\"DefaultReceivers\": [ \"nobody\" ]", "Notifications:DefaultReceivers: unknown receiver 'nobody'")]
    [InlineData("https://hooks.site.test/warden", "ftp://hooks.site.test/warden", "Notifications:Receivers:ops:Webhook:Url: 'ftp://hooks.site.test/warden' is not an absolute http:// or https:// URL")]
    [InlineData("https://hooks.site.test/warden", "hooks.site.test/warden", "Notifications:Receivers:ops:Webhook:Url: 'hooks.site.test/warden' is not")]
    [InlineData("\"MaxAttempts\": 3", "\"MaxAttempts\": 0", "Notifications:Receivers:ops:MaxAttempts: 0 is not between 1 and 100")]
    [InlineData("\"TimeoutSeconds\": 20", "\"TimeoutSeconds\": -20", "Notifications:Receivers:pager:TimeoutSeconds: -20 is not a duration")]
    [InlineData("/usr/local/bin/page", "page", "Notifications:Receivers:pager:Exec:Command: 'page' is not an absolute path")]
    [InlineData("\"Host\": \"relay.site.test\"", "\"Host\": \"\"", "Notifications:Receivers:mail:Smtp:Host: '' is not a host name")]
    [InlineData("\"warden@site.test\"", "\"warden at site\"", "Notifications:Receivers:mail:Smtp:From: 'warden at site' is not a mail address")]
    [InlineData("[ \"ops@site.test\" ]", "[ ]", "Notifications:Receivers:mail:Smtp:To: needs at least one address")]
    [InlineData("\"From\":", "\"Subject\": \"{status} {host}\", \"From\":", "Notifications:Receivers:mail:Smtp:Subject: unknown placeholder '{host}'")]
    [InlineData("\"Smtp\": {", "\"Webhook\": { \"Url\": \"http://127.0.0.1:1/\" }, \"Smtp\": {", "Notifications:Receivers:mail: needs exactly one of Webhook, Exec or Smtp (found 2)")]
    [InlineData("\"ops\": {", "\"o ps\": {", "Notifications:Receivers:o ps: receiver name 'o ps' may hold only")]
    public void A_bad_value_is_named_with_its_key(string good, string bad, string expected) =>
        AssertRefused(Valid.Replace(good, bad, StringComparison.Ordinal), expected);

    [Theory]
    [InlineData("\"MaxAttempts\": 3", "\"MaxAtempts\": 3", "'MaxAtempts'")]
    [InlineData("\"Url\":", "\"Uri\": \"x\", \"Url\":", "'Uri'")]
    [InlineData("\"GroupWaitSeconds\": 10", "\"GroupWait\": 10", "'GroupWait'")]
    public void An_unknown_key_in_the_section_is_named(string good, string bad, string expected)
    {
        var path = _dir.File("aggregator.json");
        File.WriteAllText(path, Valid.Replace(good, bad, StringComparison.Ordinal));

        var e = Assert.Throws<ConfigException>(() => AggregatorConfigLoader.Load(path));

        Assert.Contains("unknown key " + expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_example_documents_every_notification_key()
    {
        var example = File.ReadAllText(Configuration.AggregatorConfigLoaderTests.FindRepoFile("packaging/etc/warden/aggregator.json"));
        Type[] sections = [typeof(NotificationOptions), typeof(ReceiverOptions), typeof(WebhookReceiverOptions), typeof(ExecReceiverOptions),
            typeof(SmtpReceiverOptions), typeof(RouteOptions)];

        var missing = sections.SelectMany(t => t.GetProperties().Where(p => p.CanWrite).Select(p => $"{t.Name}.{p.Name}"))
            .Where(key => !example.Contains($"\"{key[(key.IndexOf('.') + 1)..]}\"", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(missing);
    }

    private void AssertRefused(string json, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => AggregatorConfigLoader.Validate(Load(json)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private AggregatorOptions Load(string json)
    {
        var path = _dir.File("aggregator.json");
        File.WriteAllText(path, json);
        return AggregatorConfigLoader.Load(path);
    }

    public void Dispose() => _dir.Dispose();
}

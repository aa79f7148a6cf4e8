using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Warden.Proto.V1;
using Warden.Tui.Cli;
using Warden.Tui.Tests.Fixtures;

namespace Warden.Tui.Tests.Cli;

/// <summary>`warden report` against a real gRPC server on loopback answering a known report.</summary>
public sealed class ReportCommandTests
{
    private static readonly DateTime End = Reports.End;

    [Fact]
    public async Task Prints_the_figures_then_availability_and_causes_as_tables_for_the_default_30_days()
    {
        var (exit, console, aggregator) = await Run([]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal((ulong)TimeSpan.FromDays(30).TotalSeconds, aggregator.LastReportRequest?.SinceSeconds);
        string[] lines = console.Out.Split('\n');
        Assert.Equal("Resilience report 2026-10-24 00:00 .. 2026-11-23 00:00 UTC (30d 0h)", lines[0]);
        Assert.Contains("Fleet availability      99.583 %  down 6h 0m of 60d 0h host time", lines);
        Assert.Contains("MTBF                     14d 22h  4 host failures (P0-P2)", lines);
        Assert.Contains("MTTR                      1h 30m  4 outages resolved (detected -> resolved)", lines);
        Assert.Contains("Incidents opened               5  P0 1, P1 1, P2 2, P3 1, P4 0", lines);
        Assert.Contains("Resolved automatically    75.0 %  3 of 4 (1 after a heal), 1 by hand", lines);
        Assert.Contains("Heal success              90.0 %  9 of 10; failed 1, timed out 0, exhausted 0", lines);
        Assert.Contains("web-01      99.167 %  6h 0m         3", lines);
        Assert.Contains("disk|full             2", lines);
    }

    [Fact]
    public async Task Since_sets_the_period_asked_of_the_aggregator()
    {
        var (exit, _, aggregator) = await Run(["--since", "7d"]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(604_800UL, aggregator.LastReportRequest?.SinceSeconds);
    }

    [Fact]
    public async Task Json_follows_the_documented_schema()
    {
        var (exit, console, _) = await Run(["--json"]);

        Assert.Equal(ExitCodes.Ok, exit);
        using var doc = JsonDocument.Parse(console.Out);
        var root = doc.RootElement;
        Assert.Equal("warden.report/v1", root.GetProperty("schema").GetString());
        Assert.Equal(End, root.GetProperty("periodEnd").GetDateTimeOffset().UtcDateTime);
        Assert.Equal(0.9958333333333333, root.GetProperty("fleet").GetProperty("availability").GetDouble(), 12);
        Assert.Equal(1_290_600, root.GetProperty("mtbfSeconds").GetDouble());
        Assert.Equal(5_400, root.GetProperty("mttrSeconds").GetDouble());
        Assert.Equal(0u, root.GetProperty("bySeverity").GetProperty("P4").GetUInt32());
        Assert.Equal(("disk|full", 2u), (root.GetProperty("byCause")[0].GetProperty("rule").GetString(), root.GetProperty("byCause")[0].GetProperty("incidents").GetUInt32()));
        Assert.Equal(0.75, root.GetProperty("resolved").GetProperty("automaticShare").GetDouble());
        Assert.Equal(0.9, root.GetProperty("heals").GetProperty("successRate").GetDouble());
        Assert.Equal(["web-01", "web-02"], root.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("name").GetString()));
        Assert.Equal(21_600, root.GetProperty("components")[0].GetProperty("downSeconds").GetDouble());
    }

    [Fact]
    public async Task Json_says_null_for_figures_an_empty_period_cannot_have()
    {
        var (exit, console, _) = await Run(["--json"], Reports.Empty());

        Assert.Equal(ExitCodes.Ok, exit);
        using var doc = JsonDocument.Parse(console.Out);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("mtbfSeconds").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("mttrSeconds").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("heals").GetProperty("successRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("resolved").GetProperty("automaticShare").ValueKind);
    }

    [Fact]
    public async Task Markdown_prints_pasteable_tables_with_pipes_escaped()
    {
        var (exit, console, _) = await Run(["--markdown"]);

        Assert.Equal(ExitCodes.Ok, exit);
        string[] lines = console.Out.Split('\n');
        Assert.Equal("## Resilience report 2026-10-24 00:00 .. 2026-11-23 00:00 UTC", lines[0]);
        Assert.Contains("| Figure | Value | Detail |", lines);
        Assert.Contains("| MTTR | 1h 30m | 4 outages resolved (detected -> resolved) |", lines);
        Assert.Contains("| web-02 | 100.000 % | 0s | 0 |", lines);
        Assert.Contains("| disk\\|full | 2 |", lines);
    }

    [Theory]
    [InlineData("--since 3x", "'3x'")]
    [InlineData("--since 0d", "'0d'")]
    [InlineData("--since 400d", "at most 366d")]
    [InlineData("--json --markdown", "exclude each other")]
    [InlineData("--since", "needs a DURATION")]
    public async Task Bad_arguments_are_usage_errors_naming_the_value_and_nothing_is_asked(string line, string mentions)
    {
        var (exit, console, aggregator) = await Run(line.Split(' '));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(mentions, console.Error);
        Assert.Contains("warden report --help", console.Error);
        Assert.Null(aggregator.LastReportRequest);
    }

    [Fact]
    public async Task An_aggregator_without_GetReport_exits_6()
    {
        var (exit, console, _) = await Run([], report: null);

        Assert.Equal(ExitCodes.NotSupported, exit);
        Assert.Contains("GetReport is not served", console.Error);
        Assert.Empty(console.Out);
    }

    [Fact]
    public async Task An_unreachable_aggregator_exits_3()
    {
        var console = new CapturedConsole();

        int exit = await WardenCommandLine.RunAsync(["report", "--aggregator", "http://127.0.0.1:9"], console.Console);

        Assert.Equal(ExitCodes.Unreachable, exit);
        Assert.Contains("unreachable at http://127.0.0.1:9", console.Error);
    }

    private static Task<(int Exit, CapturedConsole Console, FakeOperatorService Aggregator)> Run(string[] args) => Run(args, Reports.Known());

    /// <summary>Runs `warden report ARGS` against a loopback server answering <paramref name="report"/> (null: UNIMPLEMENTED).</summary>
    private static async Task<(int Exit, CapturedConsole Console, FakeOperatorService Aggregator)> Run(string[] args, ResilienceReport? report)
    {
        await using FakeAggregator aggregator = await FakeAggregator.StartAsync();
        aggregator.Service.Report = report;
        var console = new CapturedConsole();
        int exit = await WardenCommandLine.RunAsync(["report", .. args, "--aggregator", aggregator.Address.ToString()], console.Console);
        return (exit, console, aggregator.Service);
    }
}

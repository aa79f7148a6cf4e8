using Google.Protobuf.WellKnownTypes;
using Warden.Proto.V1;
using Warden.Tui.Cli;
using Warden.Tui.Formatting;
using Warden.Tui.Tests.Fixtures;

namespace Warden.Tui.Tests.Formatting;

public sealed class IncidentTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private static IncidentSummary Disk(IncidentState state = IncidentState.Open, int slaMinutesLeft = 18) => new()
    {
        Id = 7, Title = "disk_space:/var failing on web-01", Severity = Severity.P2, State = state, Scope = IncidentScope.Host,
        Hosts = { "web-01" }, OpenedAt = Timestamp.FromDateTimeOffset(Now.AddMinutes(-12)),
        SlaDeadline = Timestamp.FromDateTimeOffset(Now.AddMinutes(slaMinutesLeft)),
    };

    [Fact]
    public void An_open_incident_shows_its_age_and_the_time_left_to_its_SLA()
    {
        Assert.Equal("12m, 18m left", IncidentWords.AgeAgainstSla(Disk(), Now));
        Assert.Equal("12m, SLA +5m", IncidentWords.AgeAgainstSla(Disk(slaMinutesLeft: -5), Now));
        Assert.Equal("12m", IncidentWords.AgeAgainstSla(Disk(IncidentState.Acknowledged), Now));
    }

    [Fact]
    public void The_table_says_severity_state_and_scope_in_words()
    {
        var fleet = Disk();
        fleet.Id = 12;
        fleet.Scope = IncidentScope.Fleet;
        fleet.Hosts.Add("web-02");
        fleet.Hosts.Add("web-03");
        fleet.SilencedBy = "maintenance";

        string[] lines = IncidentText.Table([Disk(), fleet], Now).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("ID  SEV  STATE", lines[0].TrimStart(), StringComparison.Ordinal);
        Assert.Matches(@"^ 7  P2   open\s+12m, 18m left\s+host\s+web-01\s+disk_space:/var failing on web-01$", lines[1]);
        Assert.Matches(@"^12  P2   open \(silenced\)\s+12m, 18m left\s+fleet\s+web-01 \+2\s+", lines[2]);
        Assert.Contains("(no incidents match)", IncidentText.Table([], Now), StringComparison.Ordinal);
    }

    [Fact]
    public void The_detail_page_lists_the_timeline_and_the_evidence_in_time_order()
    {
        var detail = new IncidentDetail { Summary = Disk() };
        detail.Timeline.Add(new TimelineEntry { At = Timestamp.FromDateTimeOffset(Now.AddMinutes(-12)), Kind = "detected", Actor = "web-01", Text = "CRIT HARD" });
        detail.Timeline.Add(new TimelineEntry { At = Timestamp.FromDateTimeOffset(Now.AddMinutes(-12)), Kind = "classified", Actor = "warden", Text = "P2 by rule storage-crit" });
        detail.Heals.Add(new EvidenceHeal { Host = "web-01", At = Timestamp.FromDateTimeOffset(Now.AddMinutes(-11)), Heal = new HealEvent { Check = "disk_space:/var", Action = "run cleanup", Outcome = HealOutcome.Failed, RunsInWindow = 1, Budget = 3 } });
        detail.Transitions.Add(new EvidenceTransition { Host = "web-01", At = Timestamp.FromDateTimeOffset(Now.AddMinutes(-12)), Transition = new CheckTransition { Check = "disk_space:/var", FromState = CheckState.Ok, ToState = CheckState.Crit, StateType = StateType.Hard, Attempt = 3, MaxAttempts = 3, Value = 97, Threshold = "crit 95", Reason = "/var 97% used" } });

        string text = IncidentText.Detail(detail, Now);

        Assert.Contains("classified    warden: P2 by rule storage-crit", text, StringComparison.Ordinal);
        int transition = text.IndexOf("disk_space:/var OK -> CRIT HARD 3/3: value 97 against crit 95; /var 97% used", StringComparison.Ordinal);
        int heal = text.IndexOf("disk_space:/var run cleanup: failed (budget 1/3)", StringComparison.Ordinal);
        Assert.True(transition > 0 && heal > transition, text);
    }

    [Theory]
    [InlineData("42", 42UL)]
    [InlineData("#42", 42UL)]
    [InlineData("INC-42", 42UL)]
    public void Incident_ids_are_read_in_every_spelling(string text, ulong expected)
    {
        Assert.True(IncidentWords.TryParseId(text, out ulong id));
        Assert.Equal(expected, id);
    }

    [Fact]
    public void A_severity_filter_means_it_and_everything_more_severe_and_open_is_the_default_state()
    {
        IncidentFilter filter = IncidentCommands.Filter(new ParsedArguments(CommandKind.Incidents) { Severity = "P1", Host = "web-01" });

        Assert.Equal([Severity.P0, Severity.P1], filter.Severities);
        Assert.Equal([IncidentState.Open], filter.States);
        Assert.Equal("web-01", filter.Host);
        Assert.Empty(IncidentCommands.Filter(new ParsedArguments(CommandKind.Incidents) { State = "all" }).States);
    }

    [Theory]
    [InlineData("show web-01")]
    [InlineData("ack 0")]
    [InlineData("resolve 3x --comment done")]
    public async Task A_bad_incident_id_is_a_usage_error_before_any_call(string line)
    {
        var console = new CapturedConsole();

        int exit = await WardenCommandLine.RunAsync([.. line.Split(' '), "--aggregator", "http://127.0.0.1:9"], console.Console);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is not an incident id", console.Error, StringComparison.Ordinal);
    }
}

using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Warden.Proto.V1;
using Warden.Tui.Model;
using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Views.Incidents;

namespace Warden.Tui.Tests.Views.Incidents;

public sealed class IncidentsScreenTests : IDisposable
{
    private readonly ConsoleHarness _console;

    public IncidentsScreenTests() : this(readOnly: false)
    {
    }

    private IncidentsScreenTests(bool readOnly, bool colors = false)
    {
        _console = new ConsoleHarness(readOnly: readOnly, colors: colors);
        _console.IncidentSnapshot(Incident(7, Severity.P2, "disk_space:/var failing on web-01", minutesAgo: 12, slaMinutes: 30),
            Incident(9, Severity.P0, "service nginx down on 12 hosts", minutesAgo: 40, slaMinutes: 15),
            Incident(3, Severity.P4, "old resolved thing", minutesAgo: 90, slaMinutes: 60, IncidentState.Resolved));
        foreach (ulong id in new ulong[] { 7, 9, 3 })
        {
            _console.Actions.Add(Detail(_console.Incidents.Find(id)!));
        }
    }

    internal static IncidentSummary Incident(ulong id, Severity severity, string title, int minutesAgo, int slaMinutes, IncidentState state = IncidentState.Open) => new()
    {
        Id = id, Severity = severity, Title = title, State = state, Scope = IncidentScope.Host, Hosts = { "web-01" }, Rule = "storage-crit",
        OpenedAt = Timestamp.FromDateTimeOffset(Hosts.ServerTime.AddMinutes(-minutesAgo)),
        SlaDeadline = Timestamp.FromDateTimeOffset(Hosts.ServerTime.AddMinutes(slaMinutes - minutesAgo)),
    };

    private static IncidentDetail Detail(IncidentSummary summary) => new()
    {
        Summary = summary.Clone(),
        Timeline =
        {
            new TimelineEntry { At = summary.OpenedAt, Kind = "detected", Actor = "web-01", Text = "CRIT HARD 3/3" },
            new TimelineEntry { At = summary.OpenedAt, Kind = "classified", Actor = "warden", Text = $"{summary.Severity} by rule storage-crit" },
        },
        Transitions =
        {
            new EvidenceTransition
            {
                Host = "web-01", At = summary.OpenedAt,
                Transition = new CheckTransition { Check = "disk_space:/var", FromState = CheckState.Ok, ToState = CheckState.Crit, StateType = StateType.Hard, Attempt = 3, MaxAttempts = 3, Value = 97, Threshold = "crit 95", Reason = "/var 97% used" },
            },
        },
    };

    [Fact]
    public void Incidents_list_most_severe_first_with_severity_words_and_age_against_the_SLA()
    {
        _console.Type(":incidents");
        _console.Press(Key.Enter);

        Assert.IsType<IncidentsScreen>(_console.Shell.Current);
        string screen = _console.Screen();
        Assert.Contains("warden · incidents", screen);
        Assert.Contains("live · 2 open of 3 incidents", screen);
        string p0 = _console.RowOf("service nginx down"), p2 = _console.RowOf("disk_space:/var failing");
        Assert.Matches(@"\b9[\s│]+P0[\s│]+open[\s│]+40m, SLA \+25m[\s│]+web-01", p0);
        Assert.Matches(@"\b7[\s│]+P2[\s│]+open[\s│]+12m, 18m left[\s│]+web-01", p2);
        Assert.True(Array.FindIndex(_console.Lines(), l => l.Contains("nginx", StringComparison.Ordinal)) < Array.FindIndex(_console.Lines(), l => l.Contains("disk_space", StringComparison.Ordinal)));
        Assert.DoesNotContain("old resolved thing", screen);

        _console.Type("t");
        Assert.Contains("old resolved thing", _console.Screen());
    }

    [Fact]
    public void Severity_and_an_overdue_SLA_are_coloured()
    {
        using var colored = new IncidentsScreenTests(readOnly: false, colors: true);
        colored._console.Type(":incidents");
        colored._console.Press(Key.Enter);

        // The cursor row has the selection's colours: look at each row with the cursor elsewhere.
        colored._console.Press(Key.CursorDown);
        Assert.Equal(Color.BrightRed, colored._console.ForegroundAt("P0"));
        Assert.Equal(Color.BrightRed, colored._console.ForegroundAt("40m, SLA +25m"));
        colored._console.Press(Key.CursorUp);
        Assert.Equal(Color.BrightYellow, colored._console.ForegroundAt("P2"));
    }

    [Fact]
    public void Live_updates_change_the_row_and_a_dropped_stream_marks_it_stale()
    {
        _console.Type(":incidents");
        _console.Press(Key.Enter);

        IncidentSummary acked = _console.Incidents.Find(7)!.Clone();
        acked.State = IncidentState.Acknowledged;
        _console.Incidents.IncidentUpserted(acked);
        Assert.Matches(@"\b7[\s│]+P2[\s│]+acknowledged[\s│]+12m[\s│]", _console.RowOf("disk_space:/var failing"));

        _console.Incidents.ConnectionLost("Unavailable: connection refused", TimeSpan.FromSeconds(2));
        string screen = _console.Screen();
        Assert.Contains(IncidentListState.ConnectionLostBanner, screen);
        Assert.Contains("warden · incidents (stale)", screen);
        Assert.Contains("disk_space:/var failing", screen);
    }

    [Fact]
    public void a_acknowledges_the_selected_incident_after_y()
    {
        _console.Type(":incidents");
        _console.Press(Key.Enter);

        _console.Type("a");
        Assert.Equal("│acknowledge incident 9 (service nginx down on 12 hosts)? [y/N]", _console.StatusLine().TrimEnd('│').TrimEnd());
        Assert.Empty(_console.Actions.Calls);

        _console.Type("y");
        Assert.Equal(["ack 9"], _console.Actions.Calls);
        Assert.Contains("incident 9 acknowledged", _console.StatusLine());
        Assert.Matches(@"\b9[\s│]+P0[\s│]+acknowledged", _console.RowOf("service nginx down"));
    }

    [Fact]
    public void r_asks_for_a_comment_then_confirmation_and_Esc_or_n_cancels()
    {
        _console.Type(":incidents");
        _console.Press(Key.Enter);
        _console.Press(Key.CursorDown);

        _console.Type("r");
        Assert.Contains("resolve incident 7, comment:", _console.StatusLine());
        _console.Press(Key.Esc);
        Assert.Contains("cancelled: resolve incident 7, comment", _console.StatusLine());

        _console.Type("rfreed space");
        _console.Press(Key.Enter);
        Assert.Contains("resolve incident 7 (freed space)? [y/N]", _console.StatusLine());
        _console.Type("n");
        Assert.Empty(_console.Actions.Calls);

        _console.Type("rfreed space");
        _console.Press(Key.Enter);
        _console.Type("y");
        Assert.Equal(["resolve 7 freed space"], _console.Actions.Calls);
        Assert.Contains("incident 7 resolved", _console.StatusLine());
        Assert.DoesNotContain("disk_space:/var failing", _console.Screen());
    }

    [Fact]
    public void A_refused_action_says_why()
    {
        _console.Type(":incidents");
        _console.Press(Key.Enter);
        _console.Type("t");
        _console.Type("/old");
        _console.Press(Key.Enter);

        _console.Type("a");
        _console.Type("y");

        Assert.Contains("incident 3 not acknowledged: incident 3 is resolved", _console.StatusLine());
    }

    [Fact]
    public void Read_only_refuses_a_and_r_without_calling_the_aggregator()
    {
        using var readOnly = new IncidentsScreenTests(readOnly: true);
        readOnly._console.Type(":incidents");
        readOnly._console.Press(Key.Enter);

        readOnly._console.Type("a");
        Assert.Contains("read-only: not allowed (acknowledge incident 9", readOnly._console.StatusLine());
        readOnly._console.Type("r");
        Assert.Contains("read-only: not allowed (resolve incident 9, comment)", readOnly._console.StatusLine());
        Assert.Empty(readOnly._console.Actions.Calls);
    }

    [Fact]
    public void Enter_opens_the_incident_page_with_timeline_and_evidence_and_it_follows_the_stream()
    {
        _console.Type(":incidents");
        _console.Press(Key.Enter);
        _console.Press(Key.Enter);

        var page = Assert.IsType<IncidentScreen>(_console.Shell.Current);
        string screen = _console.Screen();
        Assert.Contains("warden · incidents › incident 9", screen);
        Assert.Contains("Incident 9: service nginx down on 12 hosts", screen);
        Assert.Contains("severity P0 (rule storage-crit), open", screen);
        Assert.Contains("classified    warden: P0 by rule storage-crit", screen);
        Assert.Contains("disk_space:/var OK -> CRIT HARD 3/3: value 97 against crit 95", screen);

        _console.Type("a");
        _console.Type("y");
        Assert.Equal(["get 9", "ack 9", "get 9"], _console.Actions.Calls);
        Assert.Contains("severity P0 (rule storage-crit), acknowledged", page.Text);

        _console.Press(Key.Esc);
        Assert.IsType<IncidentsScreen>(_console.Shell.Current);
    }

    public void Dispose() => _console.Dispose();
}

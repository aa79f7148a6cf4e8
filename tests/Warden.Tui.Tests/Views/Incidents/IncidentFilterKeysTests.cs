using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Warden.Proto.V1;
using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Views.Fleet;
using Warden.Tui.Views.Incidents;

namespace Warden.Tui.Tests.Views.Incidents;

/// <summary>
/// The incident list's filters beyond `/` and t: `:incidents` followed by severities, states, host and
/// scope, and 0-4 toggling severities; and its Shift+letter sorts. The harness has colours off, as
/// with NO_COLOR, so everything asserted here is in the text.
/// </summary>
public sealed class IncidentFilterKeysTests : IDisposable
{
    private readonly ConsoleHarness _console = new();

    public IncidentFilterKeysTests() => _console.IncidentSnapshot(
        Incident(1, Severity.P0, IncidentState.Open, IncidentScope.Host, 40, "web-01"),
        Incident(2, Severity.P1, IncidentState.Acknowledged, IncidentScope.Host, 20, "db-02"),
        Incident(3, Severity.P2, IncidentState.Open, IncidentScope.Fleet, 10, "web-02", "web-03"),
        Incident(4, Severity.P3, IncidentState.Open, IncidentScope.Partition, 5, "db-07"),
        Incident(5, Severity.P4, IncidentState.Resolved, IncidentScope.Host, 90, "web-09"));

    [Fact]
    public void A_severity_after_incidents_shows_it_and_everything_more_severe()
    {
        Open(":incidents p1");

        Assert.Equal([1UL, 2UL], Shown());
        Assert.Contains("warden · incidents(P0,P1)", _console.Screen());
        Assert.Contains("2 shown · sort SEV↑", _console.Screen());
    }

    [Theory]
    [InlineData("ack", new ulong[] { 2 }, "incidents(acknowledged)")]
    [InlineData("open", new ulong[] { 1, 3, 4 }, "incidents(open)")]
    [InlineData("resolved", new ulong[] { 5 }, "incidents(resolved)")]
    [InlineData("all", new ulong[] { 1, 2, 3, 4, 5 }, "incidents(with resolved)")]
    [InlineData("open ack", new ulong[] { 1, 2, 3, 4 }, "warden · incidents├")]
    public void A_state_after_incidents_shows_only_that_state(string words, ulong[] expected, string context)
    {
        Open(":incidents " + words);

        Assert.Equal(expected, Shown().Order());
        Assert.Contains(context, _console.Screen());
        Assert.Contains($"{expected.Length} shown", _console.Screen());
    }

    [Fact]
    public void A_host_glob_matches_any_of_an_incidents_hosts()
    {
        Open(":incidents host:web-*");

        Assert.Equal([1UL, 3UL], Shown().Order());
        Assert.Contains("host web-*", _console.Screen());

        Open(":incidents host:web-03");

        Assert.Equal([3UL], Shown());
    }

    [Fact]
    public void A_scope_shows_only_that_scope_and_words_combine()
    {
        Open(":incidents scope:partition");

        Assert.Equal([4UL], Shown());
        Assert.Contains("scope partition", _console.Screen());

        Open(":incidents p2 open scope:fleet");

        Assert.Equal([3UL], Shown());
        Assert.Contains("P0,P1,P2 · open · scope fleet", _console.Screen());
    }

    [Fact]
    public void A_filter_nothing_matches_shows_an_empty_list_and_says_why()
    {
        Open(":incidents p0 ack");

        Assert.Empty(Shown());
        string screen = _console.Screen();
        Assert.Contains("incidents(P0 · acknowledged)", screen);
        Assert.Contains("0 shown", screen);
        Assert.DoesNotContain("web-01", screen);
    }

    [Fact]
    public void An_unknown_word_names_it_and_stays_where_it_was()
    {
        Open(":incidents p9");

        Assert.IsType<FleetScreen>(_console.Shell.Current);
        Assert.Contains("unknown incident filter 'p9': use p0..p4", _console.StatusLine());
    }

    [Fact]
    public void A_view_that_takes_no_words_says_so()
    {
        Open(":incidents");
        Open(":hosts web");

        Assert.IsType<IncidentsScreen>(_console.Shell.Current);
        Assert.Contains(":hosts takes nothing after its name (got 'web')", _console.StatusLine());
    }

    [Fact]
    public void Digit_keys_toggle_severities_and_none_toggled_shows_all()
    {
        Open(":incidents");

        _console.Type("3");
        Assert.Equal([4UL], Shown());
        Assert.Contains("incidents(P3)", _console.Screen());

        _console.Type("0");
        Assert.Equal([1UL, 4UL], Shown());
        Assert.Contains("incidents(P0,P3)", _console.Screen());

        _console.Type("3");
        Assert.Equal([1UL], Shown());

        _console.Type("0");
        Assert.Equal([1UL, 2UL, 3UL, 4UL], Shown());
        Assert.Contains("warden · incidents├", _console.Screen());
    }

    [Fact]
    public void Digit_keys_and_t_combine_with_the_words_given()
    {
        Open(":incidents host:web-*");
        _console.Type("4");

        Assert.Empty(Shown());

        _console.Type("t");

        Assert.Equal([5UL], Shown());
        Assert.Contains("P4 · with resolved · host web-*", _console.Screen());
    }

    [Fact]
    public void Shift_letters_sort_by_severity_age_state_and_host()
    {
        Open(":incidents");

        _console.Type("S");
        Assert.Equal([4UL, 3UL, 2UL, 1UL], Shown());
        Assert.Contains("│SE↓│", Header());
        Assert.Contains("sort SEV↓", _console.Screen());

        _console.Type("A");
        Assert.Equal([4UL, 3UL, 2UL, 1UL], Shown());
        Assert.Contains("AGE / SLA↑", Header(), StringComparison.Ordinal);

        _console.Type("A");
        Assert.Equal([1UL, 2UL, 3UL, 4UL], Shown());
        Assert.Contains("AGE / SLA↓", Header());

        _console.Type("T");
        Assert.Equal(2UL, Shown()[^1]);
        Assert.Contains("STATE↑", Header());

        _console.Type("H");
        Assert.Equal([2UL, 4UL, 1UL, 3UL], Shown());
        Assert.Contains("HOSTS↑", Header());
    }

    [Fact]
    public void Without_colours_severity_reads_in_words_only()
    {
        Open(":incidents");
        _console.Press(Key.CursorDown);

        Assert.Equal(_console.ForegroundAt("service check 1"), _console.ForegroundAt("P0"));
    }

    [Fact]
    public void Help_lists_the_filters_and_sort_letters()
    {
        Open(":incidents");
        _console.Type("?");

        string help = _console.Screen();
        Assert.Contains("0-4", help);
        Assert.Contains("host:web-*", help);
        Assert.Contains("S SEV", help);
    }

    public void Dispose() => _console.Dispose();

    private static IncidentSummary Incident(ulong id, Severity severity, IncidentState state, IncidentScope scope, int minutesAgo, params string[] hosts) => new()
    {
        Id = id, Severity = severity, State = state, Scope = scope, Title = $"service check {id}", Rule = "service-down",
        Hosts = { hosts },
        OpenedAt = Timestamp.FromDateTimeOffset(Hosts.ServerTime.AddMinutes(-minutesAgo)),
        SlaDeadline = Timestamp.FromDateTimeOffset(Hosts.ServerTime.AddMinutes(30 - minutesAgo)),
    };

    private void Open(string command)
    {
        _console.Type(command);
        _console.Press(Key.Enter);
    }

    private string Header() => _console.Lines().Single(l => l.Contains("TITLE", StringComparison.Ordinal));

    private List<ulong> Shown()
    {
        IncidentsScreen screen = Assert.IsType<IncidentsScreen>(_console.Shell.Current);
        _console.Screen();
        return screen.Rows.Select(r => r.Incident.Id).ToList();
    }
}

using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Warden.Proto.V1;
using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Tests.Views.Incidents;
using Warden.Tui.Views.Host;
using Warden.Tui.Views.Incidents;

namespace Warden.Tui.Tests.Views.Silence;

/// <summary>`s` (silence) and `c` (comment) in the incident list, incident page and host view, against a gRPC server on loopback.</summary>
public sealed class SilenceKeysTests : IAsyncLifetime
{
    private FakeAggregator _aggregator = null!;
    private ConsoleHarness _console = null!;

    public async Task InitializeAsync()
    {
        _aggregator = await FakeAggregator.StartAsync();
        _console = Console(readOnly: false, _aggregator.Address);
    }

    public async Task DisposeAsync()
    {
        _console.Dispose();
        await _aggregator.DisposeAsync();
    }

    private static ConsoleHarness Console(bool readOnly, Uri aggregator)
    {
        var console = new ConsoleHarness(readOnly: readOnly, aggregator: aggregator);
        IncidentSummary incident = IncidentsScreenTests.Incident(7, Severity.P2, "disk_space:/var failing on web-01", minutesAgo: 12, slaMinutes: 30);
        (incident.Component, incident.Check) = ("disk", "disk_space:/var");
        console.IncidentSnapshot(incident);
        console.Actions.Add(new IncidentDetail { Summary = incident.Clone() });
        return console;
    }

    [Fact]
    public void S_in_the_incident_list_asks_duration_scope_and_why_confirms_and_the_aggregator_stores_it_by_the_operator()
    {
        OpenIncidents(_console);

        _console.Type("s");
        Assert.Contains("silence for how long (30m, 2h, 1d):", _console.StatusLine());
        Answer(_console, "2h");
        Assert.Contains("scope 1 host, 2 check, 3 host+check, 4 component, 5 label:", _console.StatusLine());
        Answer(_console, "3");
        Assert.Contains("why silence host+check for 2h:", _console.StatusLine());
        Answer(_console, "disk swap tonight");
        Assert.Contains("silence host+check web-01 disk_space:/var for 2h? [y/N]", _console.StatusLine());
        Assert.Empty(_aggregator.Service.SilenceRequests);

        _console.Type("y");

        _console.WaitFor(() => _console.StatusLine().Contains("silence 1 by", StringComparison.Ordinal), "the silence stored");
        Assert.True(_console.StatusLine().Contains("silence 1 by test-operator until 03-01 14:00Z: host=web-01 component=disk", StringComparison.Ordinal), _console.StatusLine());
        var (who, request) = Assert.Single(_aggregator.Service.SilenceRequests);
        Assert.Equal(ConsoleHarness.Operator, who);
        Assert.Equal(("web-01", "disk", "disk_space:/var", ""), (request.Host, request.Component, request.Check, request.Label));
        Assert.Equal(Hosts.ServerTime.AddHours(2), request.EndsAt.ToDateTimeOffset());
        Assert.Equal("disk swap tonight", request.Comment);
    }

    [Theory]
    [InlineData("label", "", "", "", "rule=storage-crit")]
    [InlineData("1", "web-01", "", "", "")]
    [InlineData("2", "", "disk", "disk_space:/var", "")]
    [InlineData("component", "", "disk", "", "")]
    public void Each_scope_sets_its_matchers(string scope, string host, string component, string check, string label)
    {
        OpenIncidents(_console);

        Silence(_console, "30m", scope, "noisy");

        _console.WaitFor(() => !_aggregator.Service.SilenceRequests.IsEmpty, "the silence request");
        SilenceRequest request = Assert.Single(_aggregator.Service.SilenceRequests).Request;
        Assert.Equal((host, component, check, label), (request.Host, request.Component, request.Check, request.Label));
        Assert.Equal(Hosts.ServerTime.AddMinutes(30), request.EndsAt.ToDateTimeOffset());
    }

    [Theory]
    [InlineData("2x", null, "'2x' is not a duration like 30m, 2h or 1d")]
    [InlineData("31d", null, "at most 30d")]
    [InlineData("2h", "9", "'9' is not one of the scopes 1, 2, 3, 4, 5")]
    public void A_bad_answer_is_refused_naming_it_and_nothing_is_sent(string duration, string? scope, string mentions)
    {
        OpenIncidents(_console);

        _console.Type("s");
        Answer(_console, duration);
        if (scope is not null)
        {
            Answer(_console, scope);
        }

        Assert.Contains(mentions, _console.StatusLine());
        Assert.Empty(_aggregator.Service.SilenceRequests);
    }

    [Fact]
    public void N_at_the_confirmation_sends_nothing()
    {
        OpenIncidents(_console);

        _console.Type("s");
        Answer(_console, "2h");
        Answer(_console, "1");
        Answer(_console, "why not");
        _console.Type("n");

        Assert.Contains("cancelled: silence host web-01 for 2h", _console.StatusLine());
        Assert.Empty(_aggregator.Service.SilenceRequests);
    }

    [Fact]
    public void Read_only_refuses_s_and_c_with_a_message_and_asks_nothing()
    {
        using var readOnly = Console(readOnly: true, _aggregator.Address);
        OpenIncidents(readOnly);

        readOnly.Type("s");
        Assert.Contains("read-only: silencing is not allowed", readOnly.StatusLine());
        readOnly.Type("c");
        Assert.Contains("read-only: not allowed (comment on incident 7)", readOnly.StatusLine());
        readOnly.Type("2h");
        Assert.Contains("<?> help", readOnly.StatusLine());
        Assert.Empty(_aggregator.Service.SilenceRequests);
        Assert.Empty(_aggregator.Service.CommentRequests);
    }

    [Fact]
    public void An_unreachable_aggregator_is_a_message_and_the_console_goes_on()
    {
        using var offline = Console(readOnly: false, new Uri("http://127.0.0.1:9"));
        OpenIncidents(offline);

        Silence(offline, "2h", "1", "maintenance");

        offline.WaitFor(() => offline.StatusLine().Contains("not silenced: aggregator unreachable", StringComparison.Ordinal), "the failure message");
        Assert.IsType<IncidentsScreen>(offline.Shell.Current);
        offline.Type("c");
        Answer(offline, "looked at it");
        offline.Type("y");
        offline.WaitFor(() => offline.StatusLine().Contains("incident 7 not commented: aggregator unreachable", StringComparison.Ordinal), "the comment failure");
        Assert.False(offline.StopRequested);
    }

    [Fact]
    public void S_on_the_incident_page_silences_its_host()
    {
        OpenIncidents(_console);
        _console.Press(Key.Enter);
        Assert.IsType<IncidentScreen>(_console.Shell.Current);

        Silence(_console, "1d", "host", "reboot loop");

        _console.WaitFor(() => !_aggregator.Service.SilenceRequests.IsEmpty, "the silence request");
        Assert.Equal("web-01", Assert.Single(_aggregator.Service.SilenceRequests).Request.Host);
    }

    [Fact]
    public void S_in_the_host_view_offers_the_host_and_its_selected_check()
    {
        _console.Snapshot(Hosts.Web01());
        _console.HostDetails["web-01"] = new GetHostResponse
        {
            Host = Hosts.Web01(),
            Checks = { new HostCheckState { Component = "memory", Check = "mem_used", State = CheckState.Warn, StateType = StateType.Hard, Value = 91, Threshold = "warn 90" } },
        };
        _console.Press(Key.Enter);
        Assert.IsType<HostScreen>(_console.Shell.Current);

        _console.Type("s");
        Answer(_console, "45m");
        Assert.Contains("scope 1 host, 2 check, 3 host+check, 4 component:", _console.StatusLine());
        Answer(_console, "3");
        Answer(_console, "known leak");
        _console.Type("y");

        _console.WaitFor(() => !_aggregator.Service.SilenceRequests.IsEmpty, "the silence request");
        SilenceRequest request = Assert.Single(_aggregator.Service.SilenceRequests).Request;
        Assert.Equal(("web-01", "memory", "mem_used"), (request.Host, request.Component, request.Check));
        Assert.Equal(Hosts.ServerTime.AddMinutes(45), request.EndsAt.ToDateTimeOffset());
    }

    [Fact]
    public void C_comments_on_the_incident_as_the_operator_after_confirming()
    {
        OpenIncidents(_console);

        _console.Type("c");
        Assert.Contains("comment on incident 7:", _console.StatusLine());
        Answer(_console, "vendor ticket 4711");
        Assert.Contains("add to incident 7: vendor ticket 4711? [y/N]", _console.StatusLine());
        _console.Type("y");

        _console.WaitFor(() => _console.StatusLine().Contains("incident 7 commented", StringComparison.Ordinal), "the comment stored");
        var (who, request) = Assert.Single(_aggregator.Service.CommentRequests);
        Assert.Equal((ConsoleHarness.Operator, 7UL, "vendor ticket 4711"), (who, request.Id, request.Text));
    }

    [Fact]
    public void Help_in_the_incident_list_and_host_view_lists_s_and_c()
    {
        OpenIncidents(_console);
        _console.Type("?");
        string help = _console.HelpText();
        Assert.Contains("comment on the incident (asks first)", help);
        Assert.Contains("silence it: for how long, which scope, why (asks first)", help);
        Assert.Contains(":report 7d", help);
        Assert.Contains(":silences", help);
    }

    [Fact]
    public void Help_longer_than_the_screen_scrolls_and_says_which_lines_show()
    {
        OpenIncidents(_console);
        _console.Type("?");
        Assert.Contains("lines 1-", _console.Screen());
        Assert.DoesNotContain("answer a confirmation", _console.Screen());

        _console.Press(Key.End);
        Assert.Contains("answer a confirmation", _console.Screen());
        Assert.DoesNotContain("Keys in incidents", _console.Screen());

        _console.Press(Key.Home);
        Assert.Contains("Keys in incidents", _console.Screen());
        _console.Press(Key.Esc);
        Assert.DoesNotContain("› help", _console.Screen());
    }

    private static void OpenIncidents(ConsoleHarness console)
    {
        console.Type(":incidents");
        console.Press(Key.Enter);
    }

    private static void Silence(ConsoleHarness console, string duration, string scope, string why)
    {
        console.Type("s");
        Answer(console, duration);
        Answer(console, scope);
        Answer(console, why);
        console.Type("y");
    }

    private static void Answer(ConsoleHarness console, string text)
    {
        console.Type(text);
        console.Press(Key.Enter);
    }
}

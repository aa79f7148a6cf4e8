using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Warden.Proto.V1;
using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Tests.Views.Incidents;
using Warden.Tui.Views.Audit;

namespace Warden.Tui.Tests.Views.Audit;

/// <summary>:audit against a gRPC server on loopback holding a known log.</summary>
public sealed class AuditScreenTests : IAsyncLifetime
{
    private const string LongReason = "disk on web-01 replaced by the vendor after the controller reported media errors on both mirrors; "
        + "the incident stays open until the rebuild is done and the checks have been green for an hour";

    private FakeAggregator _aggregator = null!;
    private ConsoleHarness _console = null!;

    public async Task InitializeAsync()
    {
        _aggregator = await FakeAggregator.StartAsync();
        _aggregator.Service.Audit.AddRange(
        [
            Entry(minutesAgo: 1, "carol", "comment", incident: 7, reason: LongReason),
            Entry(minutesAgo: 5, "bob", "silence", silence: 3, reason: "maintenance window"),
            Entry(minutesAgo: 9, "warden", "open", incident: 7, reason: "disk_space:/var CRIT HARD"),
        ]);
        _console = new ConsoleHarness(aggregator: _aggregator.Address);
    }

    public async Task DisposeAsync()
    {
        _console.Dispose();
        await _aggregator.DisposeAsync();
    }

    private static AuditEntry Entry(int minutesAgo, string actor, string action, ulong incident = 0, ulong silence = 0, string reason = "") => new()
    {
        At = Timestamp.FromDateTimeOffset(Hosts.ServerTime.AddMinutes(-minutesAgo)), Actor = actor, Action = action,
        IncidentId = incident, SilenceId = silence, Reason = reason,
    };

    [Fact]
    public void Audit_lists_who_did_what_when_and_why_newest_first()
    {
        Open();

        _console.WaitForText("3 shown of 3 entries");
        string[] lines = _console.Lines();
        Assert.Contains("sort WHEN↓", string.Join('\n', lines));
        int comment = Array.FindIndex(lines, l => l.Contains("comment incident 7", StringComparison.Ordinal));
        int silence = Array.FindIndex(lines, l => l.Contains("silence silence 3", StringComparison.Ordinal));
        int open = Array.FindIndex(lines, l => l.Contains("open incident 7", StringComparison.Ordinal));
        Assert.True(comment > 0 && comment < silence && silence < open, string.Join('\n', lines));
        Assert.Matches(@"silence silence 3\s*│03-01 11:55:00│bob\s*│maintenance window", lines[silence]);
    }

    [Fact]
    public void Slash_filters_and_enter_shows_the_whole_entry_with_the_reason_wrapped()
    {
        Open();
        _console.WaitForText("3 shown of 3 entries");

        _console.Type("/carol");
        _console.Press(Key.Enter);
        Assert.Contains("1 shown of 3 entries", _console.Screen());
        _console.Press(Key.Enter);

        var entry = Assert.IsType<AuditEntryScreen>(_console.Shell.Current);
        string screen = _console.Screen();
        Assert.Contains("audit › entry", screen);
        Assert.Contains("When:     2025-03-01 11:59:00Z", screen);
        Assert.Contains("Who:      carol", screen);
        Assert.Contains("Incident: 7", screen);
        Assert.Contains("the incident stays open until the rebuild is done", entry.Text);
        Assert.All(entry.Text.Split('\n'), l => Assert.True(l.Length <= 78, l));
        Assert.Contains("green for an hour", screen);

        _console.Press(Key.Esc);
        Assert.IsType<AuditScreen>(_console.Shell.Current);
    }

    [Fact]
    public void A_change_on_the_incident_stream_reads_the_log_again_and_R_does_too()
    {
        Open();
        _console.WaitForText("3 shown of 3 entries");
        int calls = _aggregator.Service.AuditCalls;

        _aggregator.Service.Audit.Insert(0, Entry(minutesAgo: 0, "dave", "acknowledge", incident: 9, reason: "on it"));
        _console.IncidentSnapshot(IncidentsScreenTests.Incident(9, Severity.P1, "nginx down", minutesAgo: 2, slaMinutes: 15));
        _console.WaitForText("acknowledge incident 9");
        Assert.True(_aggregator.Service.AuditCalls > calls);

        _aggregator.Service.Audit.Insert(0, Entry(minutesAgo: 0, "erin", "expire-silence", silence: 3, reason: "done early"));
        _console.Type("R");
        _console.WaitForText("expire-silence silence 3");
    }

    [Fact]
    public void An_unreachable_aggregator_says_so_on_the_info_line()
    {
        using var offline = new ConsoleHarness(aggregator: new Uri("http://127.0.0.1:9"));
        offline.Type(":audit");
        offline.Press(Key.Enter);

        offline.WaitForText("audit: aggregator unreachable");
        Assert.IsType<AuditScreen>(offline.Shell.Current);
    }

    private void Open()
    {
        _console.Type(":audit");
        _console.Press(Key.Enter);
    }
}

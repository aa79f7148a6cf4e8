using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Warden.Proto.V1;
using Warden.Tui.Formatting;
using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Views.Host;

namespace Warden.Tui.Tests.Views.Host;

/// <summary>The host view at 80x24, headless with keys injected: checks with heal budget, heal history, sparklines, panes.</summary>
public sealed class HostViewTests : IDisposable
{
    private const string Web = "process_running:web";
    private const string CpuTrend = "▁▂▂▃▃▄▄▅▅▆▇▇";
    private ConsoleHarness _console = new();

    public HostViewTests() => Open(_console);

    [Fact]
    public void At_80x24_the_checks_with_heal_budget_come_first_then_the_heal_history_newest_first_then_sparklines()
    {
        string[] lines = _console.Lines();
        int checks = Array.FindIndex(lines, l => l.Contains("> checks: 1 CRIT, 1 OK", StringComparison.Ordinal));
        int heals = Array.FindIndex(lines, l => l.Contains("heal history: 5 events, newest first", StringComparison.Ordinal));
        int readings = Array.FindIndex(lines, l => l.Contains("readings: 3 key of 9", StringComparison.Ordinal));
        Assert.True(checks > 0 && heals > checks && readings > heals, _console.Screen());

        Assert.Matches(@"process_running:web[\s│]+CRIT[\s│]+HARD[\s│]+3/3[\s│]+0/3![\s│]+0", CritCheckRow());
        Assert.Matches(@"load_per_core[\s│]+OK[\s│]+HARD[\s│]+0/3[\s│]+-[\s│]+0.4", _console.RowOf("load_per_core"));

        string[] healRows = lines.Where(l => l.Contains("restart-unit", StringComparison.Ordinal)).ToArray();
        Assert.Equal(5, healRows.Length);
        Assert.Matches(@"6m[\s│]+EXHAUSTED[\s│]+3/3", healRows[0]);
        Assert.Matches(@"7m[\s│]+TIMED_OUT", healRows[1]);
        Assert.Matches(@"10m[\s│]+STARTED[\s│]+1/3", healRows[4]);

        Assert.Matches($@"cpu.busy_pct[\s│]+{CpuTrend}[\s│]+88[\s│]+0[\s│]+88", _console.RowOf("cpu.busy_pct"));
        Assert.Matches(@"mem.available_bytes[\s│]+█▇.*▁[\s│]+2.7G[\s│]+2.7G[\s│]+3.7G", _console.RowOf("mem.available_bytes"));
        Assert.DoesNotContain("cgroup.cpu_pct", _console.Screen(), StringComparison.Ordinal);
        Assert.Equal(1, _console.GetHostCalls);
    }

    [Fact]
    public void Tab_moves_between_panes_the_focused_one_grows_and_m_shows_every_reading()
    {
        _console.Press(Key.Tab);
        _console.Press(Key.Tab);
        _console.Press(Key.M);

        Assert.True(_console.Screen().Contains("> readings: all 9", StringComparison.Ordinal), _console.Screen());
        Assert.Contains("readings sorted by READING↑", _console.Screen(), StringComparison.Ordinal);
        Assert.Contains("cgroup.cpu_pct system.slice/", _console.Screen(), StringComparison.Ordinal);
        Assert.Equal(PaneHeights.CollapsedRows, _console.Lines().Count(l => l.Contains("restart-unit", StringComparison.Ordinal)));

        _console.Press(Key.Tab.WithShift);
        Assert.Contains("> heal history", _console.Screen(), StringComparison.Ordinal);
        Assert.Equal(5, _console.Lines().Count(l => l.Contains("restart-unit", StringComparison.Ordinal)));
        Assert.Equal(1, Screen().FocusedPane);

        _console.Press(Key.M);
        Assert.DoesNotContain("cgroup.cpu_pct", _console.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sort_keys_act_on_the_focused_pane()
    {
        _console.Press(Key.Tab);
        _console.Press(Key.O.WithShift);

        Assert.Equal(HealOutcome.Started, Screen().Heals[0].Heal.Outcome);
        Assert.Equal("10m", Screen().Heals[0].Age is TimeSpan age ? AgeFormat.Format(age) : null);
        Assert.Equal(Web, Screen().Checks[0].Check.Check);
        Assert.Contains("heal history sorted by AGO↓", _console.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_filter_narrows_every_pane_at_once()
    {
        _console.Type("/load");
        _console.Press(Key.Enter);

        Assert.Equal(["load_per_core"], Screen().Checks.Select(c => c.Check.Check));
        Assert.Empty(Screen().Heals);
        Assert.Equal(["load.per_core"], Screen().Readings.Select(r => r.Series.Name));
        Assert.DoesNotContain("cpu.busy_pct", _console.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_batch_the_feed_pushes_extends_the_sparklines_without_calling_GetHost()
    {
        HostSummary host = _console.State.Find("web-01")!.Clone();
        host.LastSequence++;
        host.Latest.Clear();
        host.Latest.Add(Hosts.Reading("cpu.busy_pct", 100));
        _console.State.HostUpserted(host);

        Assert.Matches($@"cpu.busy_pct[\s│]+{CpuTrend}█[\s│]+100[\s│]+0[\s│]+100", _console.RowOf("cpu.busy_pct"));
        // mem had no point in that batch: a gap at the right and no latest value.
        Assert.Matches(@"mem.available_bytes[\s│]+█▇[^│]*▁ [\s│]+-[\s│]+", _console.RowOf("mem.available_bytes"));

        // An event batch moves the sequence but repeats the latest readings: no new point.
        HostSummary events = host.Clone();
        events.LastSequence++;
        _console.State.HostUpserted(events);
        Assert.Equal(13, Screen().Readings.Single(r => r.Series.Name == "cpu.busy_pct").Series.Points.Count);
        Assert.Equal(1, _console.GetHostCalls);
    }

    [Fact]
    public void A_new_heal_event_or_a_changed_heal_budget_fetches_GetHost_again()
    {
        HostSummary host = _console.State.Find("web-01")!.Clone();
        host.Heals = new HealCounts { Started = 2, Failed = 1, TimedOut = 1, Exhausted = 2 };
        GetHostResponse detail = Detail();
        detail.Checks[0].HealBudgetLeft = 3;
        _console.HostDetails["web-01"] = detail;
        _console.State.HostUpserted(host);

        Assert.Equal(2, _console.GetHostCalls);
        Assert.Matches(@"process_running:web[\s│]+CRIT[\s│]+HARD[\s│]+3/3[\s│]+3/3[\s│]", CritCheckRow());

        // An operator's budget reset shows in the heal.budget_left reading of the next batch.
        HostSummary reset = host.Clone();
        reset.Latest.Add(Hosts.Reading("heal.budget_left", 3, Web));
        _console.State.HostUpserted(reset);
        Assert.Equal(3, _console.GetHostCalls);
    }

    [Fact]
    public void A_GetHost_failure_is_said_in_the_checks_title_and_the_view_still_shows_the_feed()
    {
        _console.Dispose();
        _console = new ConsoleHarness();
        _console.Snapshot(Feed());
        _console.Press(Key.Enter);

        Assert.Contains("checks: ", _console.Screen(), StringComparison.Ordinal);
        Assert.Contains("no host web-01", _console.Screen(), StringComparison.Ordinal);
        Assert.Contains("heal history: unavailable, GetHost failed", _console.Screen(), StringComparison.Ordinal);
        Assert.Contains("cpu.busy_pct", _console.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_that_never_healed_says_so_and_its_heal_pane_is_one_line()
    {
        GetHostResponse detail = Detail();
        detail.Heals.Clear();
        _console.HostDetails["web-01"] = detail;
        _console.Press(Key.Esc);
        _console.Press(Key.Enter);

        string[] lines = _console.Lines();
        int heals = Array.FindIndex(lines, l => l.Contains("heal history: no heal events stored for this host", StringComparison.Ordinal));
        Assert.Contains("readings: 3 key of 9", lines[heals + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Ascii_glyphs_draw_the_sparklines_where_the_terminal_lacks_blocks()
    {
        _console.Dispose();
        _console = new ConsoleHarness(glyphs: SparkGlyphs.Ascii);
        Open(_console);

        Assert.Contains("_..::--==+**", _console.RowOf("cpu.busy_pct"), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_pane_and_reading_keys()
    {
        _console.Type("?");

        Assert.Contains("Tab / Shift+Tab", _console.Screen(), StringComparison.Ordinal);
        Assert.Matches(@"\bm\s+readings: the key ones", _console.Screen());
    }

    private string CritCheckRow() => _console.Lines().Single(l => l.Contains("│CRIT", StringComparison.Ordinal));

    private HostScreen Screen() => Assert.IsType<HostScreen>(_console.Shell.Current);

    private static void Open(ConsoleHarness console)
    {
        console.Snapshot(Feed());
        console.HostDetails["web-01"] = Detail();
        console.Press(Key.Enter);
    }

    // The feed's latest readings are the last batch of GetHost's window, as on a real aggregator.
    private static HostSummary Feed()
    {
        HostSummary host = Hosts.Scored("web-01", null, [null, null, null, null, null, null]);
        host.Latest.Clear();
        host.Latest.Add(Batch(11).Readings);
        host.Heals = new HealCounts { Started = 2, Failed = 1, TimedOut = 1, Exhausted = 1 };
        return host;
    }

    private static GetHostResponse Detail()
    {
        var response = new GetHostResponse
        {
            Host = Feed(),
            Checks =
            {
                new HostCheckState { Component = "service", Check = Web, State = CheckState.Crit, StateType = StateType.Hard, Value = 0, Threshold = "min 1", Attempt = 3, MaxAttempts = 3, Reason = "0 processes", HealBudgetLeft = 0, HealBudget = 3 },
                new HostCheckState { Component = "system", Check = "load_per_core", State = CheckState.Ok, StateType = StateType.Hard, Value = 0.4, Threshold = "warn 2", MaxAttempts = 3, Reason = "0.40 per core" },
            },
        };
        HealOutcome[] outcomes = [HealOutcome.Started, HealOutcome.Failed, HealOutcome.Started, HealOutcome.TimedOut, HealOutcome.Exhausted];
        for (int i = outcomes.Length - 1; i >= 0; i--)
        {
            response.Heals.Add(new EvidenceHeal
            {
                Host = "web-01",
                At = Timestamp.FromDateTimeOffset(Hosts.ServerTime.AddMinutes(-10 + i)),
                Heal = new HealEvent { Component = "service", Check = Web, Action = "restart-unit web.service", Outcome = outcomes[i], RunsInWindow = (uint)Math.Min(3, (i / 2) + 1), Budget = 3, Detail = $"step {i}" },
            });
        }

        response.Recent.Add(Enumerable.Range(0, 12).Select(Batch));
        return response;
    }

    private static SampleBatch KeyReadings(int b) => new()
    {
        Sequence = (ulong)(b + 1),
        Readings =
        {
            Hosts.Reading("cpu.busy_pct", b * 8),
            Hosts.Reading("mem.available_bytes", 4_000_000_000 - (b * 100_000_000)),
            Hosts.Reading("load.per_core", 0.5),
        },
    };

    private static SampleBatch Batch(int b)
    {
        SampleBatch batch = KeyReadings(b);
        batch.Readings.Add("abcdef".Select(unit => Hosts.Reading("cgroup.cpu_pct", b % 3, $"system.slice/{unit}.service")));
        return batch;
    }

    public void Dispose() => _console.Dispose();
}

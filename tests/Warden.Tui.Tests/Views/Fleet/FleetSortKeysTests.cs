using Terminal.Gui.Input;
using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Views.Fleet;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Tests.Views.Fleet;

/// <summary>Shift+letter sorts the fleet (k9s): the same letter again reverses; the header shows ↑ or ↓.</summary>
public sealed class FleetSortKeysTests : IDisposable
{
    private const string Db = "db-02", Web = "web-01", Long = "very-long-hostname-01.prod.example.com";
    private readonly ConsoleHarness _console = new();

    public FleetSortKeysTests() => _console.Snapshot(
        Hosts.Scored(Web, 100, [100, 100, 100, 100, 100, 100]),
        Hosts.Scored(Db, 85, [100, 60, 100, 90, 100, 100], seenSecondsAgo: 120, connected: false),
        Hosts.Scored(Long, null, [null, null, null, null, null, null]));

    [Fact]
    public void Shift_N_sorts_by_host_name_and_again_reverses()
    {
        _console.Type("N");

        Assert.Equal([Db, Long, Web], HostOrder());
        Assert.Matches(@"│HOST↑\s+│HEALTH\s+│", Header());
        Assert.Contains("sort HOST↑", _console.Screen());

        _console.Type("N");

        Assert.Equal([Web, Long, Db], HostOrder());
        Assert.Contains("HOST↓", Header());
    }

    [Fact]
    public void Shift_S_sorts_by_score_worst_first_and_again_reverses()
    {
        _console.Type("NS");

        Assert.Equal([Db, Web, Long], HostOrder());
        Assert.Contains("HEALTH↑", Header());
        Assert.DoesNotContain("HOST↑", Header());

        _console.Type("S");

        Assert.Equal("HEALTH↓", SortLabel());
        Assert.Equal(Web, HostOrder()[1]);
        Assert.Equal(Db, HostOrder()[2]);
    }

    [Fact]
    public void Shift_W_sorts_by_the_worst_component_score()
    {
        _console.Type("W");

        Assert.Equal([Db, Web, Long], HostOrder());
        Assert.Contains("WORST↑", Header());
    }

    [Fact]
    public void Shift_L_sorts_by_last_seen_and_a_narrow_header_gives_its_last_letter_to_the_arrow()
    {
        _console.Type("L");

        Assert.Equal(Db, HostOrder()[^1]);
        Assert.Contains("│SEE↑│", Header());

        _console.Type("L");

        Assert.Equal(Db, HostOrder()[0]);
        Assert.Contains("│SEE↓│", Header());
    }

    [Fact]
    public void Shift_A_sorts_by_agent_state()
    {
        _console.Type("A");

        // "connected" before "stale"; ties keep host name order.
        Assert.Equal([Long, Web, Db], HostOrder());
        Assert.Equal("AGENT↑", SortLabel());
    }

    [Fact]
    public void A_sort_key_on_an_empty_filter_result_shows_no_rows_and_the_new_sort()
    {
        _console.Type("/nothing-matches");
        _console.Press(Key.Enter);
        _console.Type("N");

        Assert.Empty(HostOrder());
        Assert.Contains("0 shown · sort HOST↑", _console.Screen());
        Assert.Contains("HOST↑", Header());
    }

    [Fact]
    public void Lower_case_letters_do_not_sort()
    {
        _console.Type("n");

        Assert.Equal("HEALTH↑", SortLabel());
    }

    [Fact]
    public void Help_lists_the_sort_letters()
    {
        _console.Type("?");

        string help = _console.Screen();
        Assert.Contains("Shift+letter", help);
        Assert.Contains("N HOST, S HEALTH, W WORST, L SEEN, A AGENT,", help);
        Assert.Contains("C CPU%, M MEM%; again: reverse", help);
        Assert.Contains("Everywhere", help);
        Assert.IsType<HelpScreen>(_console.Shell.Current);
    }

    public void Dispose() => _console.Dispose();

    private string Header() => _console.Lines().Single(l => l.Contains("HOST", StringComparison.Ordinal) && l.Contains("HEALTH", StringComparison.Ordinal));

    private string SortLabel() => Assert.IsType<FleetScreen>(_console.Shell.Current).Context.Split("sort ")[1];

    private List<string> HostOrder()
    {
        FleetScreen fleet = Assert.IsType<FleetScreen>(_console.Shell.Current);
        _console.Screen();
        return fleet.Rows.Select(r => r.Host).ToList();
    }
}

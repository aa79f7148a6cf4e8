using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Warden.Proto.V1;
using Warden.Tui.Formatting;
using Warden.Tui.Model;
using Warden.Tui.Views.Shell;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Host;

/// <summary>
/// One host, opened with Enter from the fleet: who it is, its scores per component, and every
/// reading of its latest batch, live. Check states, heal budget and heal history come with the
/// aggregator's GetHost; until then the view says so.
/// </summary>
internal sealed class HostScreen : IScreen
{
    public const string PendingApiNote = "checks and heal history need GetHost, not on this aggregator yet";

    private readonly HostListState _state;
    private readonly string _host;
    private readonly Label _header;
    private readonly QueryTable<ReadingRow> _table;
    private readonly View _content;

    public HostScreen(HostListState state, string host, bool colors)
    {
        _state = state;
        _host = host;
        _header = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 3, Text = string.Empty };
        var query = new TableQuery<ReadingRow>(ReadingRow.Columns, 0, (a, b) => string.CompareOrdinal(a.Subject, b.Subject));
        _table = new QueryTable<ReadingRow>(ReadingRow.Columns, query, r => r.Key, 16, 20, colors);
        _table.View.Y = 3;
        _table.View.Height = Dim.Fill();
        _content = new View { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _content.Add(_header, _table.View);
    }

    public string Name => _host;

    public View Content => _content;

    public IReadOnlyList<KeyHelp> Keys => QueryTable<ReadingRow>.SortKeys;

    public bool Filterable => true;

    public string Filter
    {
        get => _table.Filter;
        set => _table.Filter = value;
    }

    public string Context => $"{_table.Rows.Count} readings · sort {_table.Query.SortLabel}";

    public void Refresh()
    {
        HostSummary? host = _state.Find(_host);
        if (host is null)
        {
            _header.Text = $"{_host}: the aggregator no longer lists this host";
            _table.Show([]);
            return;
        }

        FleetRow row = FleetRow.From(host, _state.ServerNow);
        _header.Text = string.Join('\n', Identity(host, row), Scores(row), PendingApiNote);
        _table.Show(host.Latest.Select(ReadingRow.From));
    }

    public bool HandleKey(Key key, IScreenHost host) => _table.HandleSortKey(key);

    public void Dispose() => _content.Dispose();

    private static string Identity(HostSummary host, FleetRow row)
    {
        string kernel = host.Kernel.Length == 0 ? string.Empty : $" · kernel {host.Kernel}";
        string cpus = host.CpuCount == 0 ? string.Empty : $" · {host.CpuCount} cpus";
        return $"agent {row.Agent} (v{host.AgentVersion}) · seen {row.LastSeen} ago{cpus}{kernel}";
    }

    private static string Scores(FleetRow row)
    {
        IEnumerable<string> parts = HealthComponents.Headers.Select((name, i) => $"{name.ToLowerInvariant()} {ScoreBands.Cell(row.Scores.Components[i])}");
        return $"health {row.Health} · {string.Join(" ", parts)}";
    }
}

using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Warden.Tui.Formatting;
using Warden.Tui.Model;
using Warden.Tui.Views.Shell;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Fleet;

/// <summary>
/// `:hosts`, the top view: every host with its health score, worst component, a cell per component
/// coloured by band, last seen and agent state. Worst first by default; Enter opens the host.
/// </summary>
internal sealed class FleetScreen : IScreen
{
    private readonly HostListState _state;
    private readonly Func<string, IScreen> _openHost;
    private readonly QueryTable<FleetRow> _table;

    public FleetScreen(HostListState state, bool colors, Func<string, IScreen> openHost)
    {
        _state = state;
        _openHost = openHost;
        var query = new TableQuery<FleetRow>(FleetColumns.All, FleetColumns.Health, FleetColumns.All[0].Order);
        _table = new QueryTable<FleetRow>(FleetColumns.All, query, r => r.Host, FleetColumns.MinHostWidth, FleetColumns.WantHostWidth, colors);
    }

    public string Name => "hosts";

    public View Content => _table.View;

    public IReadOnlyList<KeyHelp> Keys { get; } =
    [
        new("Enter", "open the host under the cursor"),
        .. QueryTable<FleetRow>.SortKeys,
        .. QueryTable<FleetRow>.LetterHelp(FleetColumns.All),
        new("HEALTH", "score and band: 100 healthy, 80-99 degraded, <80 unhealthy"),
        new("SYS..SEC", "component scores; ~ degraded, ! unhealthy, - no data"),
        new("AGENT", "connected: streaming now; stale: the agent is not connected"),
    ];

    public bool Filterable => true;

    public string Filter
    {
        get => _table.Filter;
        set => _table.Filter = value;
    }

    public string Context => $"{_table.Rows.Count} shown · sort {_table.Query.SortLabel}";

    /// <summary>The rows as shown, in order (for tests and the benchmark).</summary>
    internal IReadOnlyList<FleetRow> Rows => _table.Rows;

    internal FleetRow? Selected => _table.Selected;

    public void Refresh() => _table.Show(_state.FleetRows());

    public bool HandleKey(Key key, IScreenHost host)
    {
        if (key == Key.Enter)
        {
            if (_table.Selected is FleetRow row)
            {
                host.Push(_openHost(row.Host));
            }

            return true;
        }

        return _table.HandleSortKey(key);
    }

    public void Dispose() => _table.View.Dispose();
}

using System.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Warden.Proto.V1;
using Warden.Tui.Model;
using Warden.Tui.Views.Shell;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Incidents;

/// <summary>
/// `:incidents`: open and acknowledged incidents, most severe first, with their age against the
/// SLA, live from WatchIncidents. Enter opens one; a acknowledges; r resolves; t shows resolved too;
/// 0-4 toggle severities; `:incidents p1 ack host:web-*` opens it filtered (<see cref="IncidentListFilter"/>).
/// </summary>
internal sealed class IncidentsScreen : IScreen
{
    private readonly IncidentListState _state;
    private readonly IncidentActionKeys _actions;
    private readonly Func<ulong, IScreen> _open;
    private readonly QueryTable<IncidentRow> _table;
    private IncidentListFilter _filter = new();

    public IncidentsScreen(IncidentListState state, IncidentActionKeys actions, Func<ulong, IScreen> open, bool colors)
    {
        _state = state;
        _actions = actions;
        _open = open;

        // Most severe first; among equals the oldest first, which is the one nearest its SLA.
        var query = new TableQuery<IncidentRow>(IncidentRow.Columns, IncidentRow.SeverityColumn, (a, b) => b.Age.CompareTo(a.Age));
        _table = new QueryTable<IncidentRow>(IncidentRow.Columns, query, r => r.Key, 16, 24, colors);
    }

    /// <summary>The filter shows in the title, k9s-style: "incidents(P0,P1 · acknowledged)".</summary>
    public string Name => _filter.Describe() is { Length: > 0 } filter ? $"incidents({filter})" : "incidents";

    public View Content => _table.View;

    public IFeedStatus Feed => _state;

    public IReadOnlyList<KeyHelp> Keys { get; } =
    [
        new("Enter", "open the incident: timeline and evidence"),
        .. IncidentActionKeys.Help,
        new("t", "show resolved incidents too, or hide them again"),
        new("0-4", "show only P0..P4: each toggles its severity (none: all)"),
        new(":incidents …", "filter: p1 (P0-P1), open, ack, resolved, all,"),
        new(string.Empty, "  host:web-* and scope:host|fleet|partition"),
        .. QueryTable<IncidentRow>.SortKeys,
        .. QueryTable<IncidentRow>.LetterHelp(IncidentRow.Columns),
        new("SEV", "P0 most severe .. P4; P0-P1 red, P2-P3 yellow"),
        new("AGE / SLA", "age, then time left to the response SLA (SLA +N: overdue)"),
        new("STATE", "open, acknowledged, resolved; ~ silenced"),
    ];

    public bool Filterable => true;

    public string Filter
    {
        get => _table.Filter;
        set => _table.Filter = value;
    }

    public string Context => $"{_table.Rows.Count} shown · sort {_table.Query.SortLabel}";

    internal IReadOnlyList<IncidentRow> Rows => _table.Rows;

    public void Refresh()
    {
        DateTimeOffset now = _state.ServerNow;
        _table.Show(_state.All.Where(_filter.Matches).Select(i => IncidentRow.From(i, now)).ToList());
    }

    public bool Apply(string arguments, out string error)
    {
        if (!IncidentListFilter.TryParse(arguments, out IncidentListFilter filter, out error))
        {
            return false;
        }

        _filter = filter;
        Refresh();
        return true;
    }

    public bool HandleKey(Key key, IScreenHost host)
    {
        IncidentSummary? selected = _table.Selected?.Incident;
        if (key == Key.Enter)
        {
            if (selected is not null)
            {
                host.Push(_open(selected.Id));
            }

            return true;
        }

        string? typed = !key.IsCtrl && !key.IsAlt && key.TryGetPrintableRune(out Rune rune) ? rune.ToString() : null;
        if (typed == "t")
        {
            _filter.ToggleResolved();
            Refresh();
            return true;
        }

        if (typed is [char digit and >= '0' and <= '4'])
        {
            _filter.ToggleSeverity(Severity.P0 + (digit - '0'));
            Refresh();
            return true;
        }

        return _actions.Handle(typed, selected, host) || _table.HandleSortKey(key);
    }

    public void Dispose() => _table.View.Dispose();
}

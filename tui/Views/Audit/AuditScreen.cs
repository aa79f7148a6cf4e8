using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Warden.Proto.V1;
using Warden.Tui.Client;
using Warden.Tui.Model;
using Warden.Tui.Views.Actions;
using Warden.Tui.Views.Shell;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Audit;

/// <summary>
/// `:audit`: who did what, when and why, newest first, from ListAudit (its latest 1,000 entries).
/// There is no audit stream; every audited action but a silence changes an incident, so the log is
/// read again whenever the incident stream brings a change (one read at a time, coalesced), and on
/// R, which also catches silences. Nothing is polled. Enter shows one entry in full.
/// </summary>
internal sealed class AuditScreen : IScreen
{
    private readonly IncidentListState? _incidents;
    private readonly QueryTable<AuditRow> _table;
    private readonly RemoteLoad<ListAuditResponse> _load;
    private string? _failure = "loading…";
    private int _total;

    /// <param name="incidents">The incident feed whose changes trigger a new read; null for R only.</param>
    public AuditScreen(ConsoleOperator calls, Action<Action> post, IncidentListState? incidents, bool colors)
    {
        _incidents = incidents;
        var query = new TableQuery<AuditRow>(AuditRow.Columns, AuditRow.WhenColumn, (a, b) => a.Order.CompareTo(b.Order));
        query.ReverseSort();
        _table = new QueryTable<AuditRow>(AuditRow.Columns, query, r => r.Key, 16, 24, colors);
        _load = new RemoteLoad<ListAuditResponse>(calls.ListAuditAsync, post, Loaded, why => _failure = $"audit: {why}");
        if (_incidents is not null)
        {
            _incidents.Changed += _load.Start;
        }

        _load.Start();
    }

    public string Name => "audit";

    public View Content => _table.View;

    public IReadOnlyList<KeyHelp> Keys { get; } =
    [
        new("Enter", "show the whole entry: time, who, action, incident or silence, reason"),
        new("R", "read the log again (it also follows incident changes by itself)"),
        .. QueryTable<AuditRow>.SortKeys,
    ];

    public bool Filterable => true;

    public string Filter
    {
        get => _table.Filter;
        set => _table.Filter = value;
    }

    public string Context => $"{_failure ?? $"{_table.Rows.Count} shown of {_total} entries"} · sort {_table.Query.SortLabel}";

    internal IReadOnlyList<AuditRow> Rows => _table.Rows;

    public void Refresh()
    {
    }

    public bool HandleKey(Key key, IScreenHost host)
    {
        if (key == Key.R.WithShift)
        {
            _load.Start();
            return true;
        }

        if (key == Key.Enter)
        {
            if (_table.Selected is AuditRow row)
            {
                host.Push(new AuditEntryScreen(row));
            }

            return true;
        }

        return _table.HandleSortKey(key);
    }

    public void Dispose()
    {
        if (_incidents is not null)
        {
            _incidents.Changed -= _load.Start;
        }

        _load.Stop();
        _table.View.Dispose();
    }

    private void Loaded(ListAuditResponse response)
    {
        _table.Show(response.Entries.Select((e, i) => new AuditRow(e, i)).ToList());
        _total = response.Entries.Count;
        _failure = null;
    }
}

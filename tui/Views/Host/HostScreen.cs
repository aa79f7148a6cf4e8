using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Warden.Proto.V1;
using Warden.Tui.Formatting;
using Warden.Tui.Model;
using Warden.Tui.Views.Shell;
using Warden.Tui.Views.Silence;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Host;

/// <summary>
/// One host, opened with Enter from the fleet: who it is, its scores per component, every check's
/// state from GetHost (fetched when opened and again when the host feed says its check counts or
/// liveness changed, no polling), and every reading of its latest batch, live.
/// </summary>
internal sealed class HostScreen : IScreen
{
    public const string PendingApiNote = "checks and heal history need GetHost, not on this aggregator yet";

    private readonly Func<string, Task<GetHostResponse>>? _getHost;
    private readonly Action<Action> _post;
    private readonly QueryTable<CheckRow> _checks;
    private string _checksNote = PendingApiNote;
    private string? _loadedFor;
    private bool _loading;
    private bool _disposed;

    private readonly HostListState _state;
    private readonly string _host;
    private readonly Label _header;
    private readonly QueryTable<ReadingRow> _table;
    private readonly View _content;

    /// <param name="getHost">GetHost for the checks; null where the console has no such call.</param>
    public HostScreen(HostListState state, string host, bool colors, Func<string, Task<GetHostResponse>>? getHost = null, Action<Action>? post = null)
    {
        _state = state;
        _host = host;
        _getHost = getHost;
        _post = post ?? (action => action());
        _header = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 3, Text = string.Empty };

        // Worst state first: CRIT, WARN, UNKNOWN, OK.
        var checkQuery = new TableQuery<CheckRow>(CheckRow.Columns, 1, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        _checks = new QueryTable<CheckRow>(CheckRow.Columns, checkQuery, r => r.Key, 16, 20, colors);
        _checks.View.Y = 3;
        _checks.View.Height = Dim.Percent(40);
        var query = new TableQuery<ReadingRow>(ReadingRow.Columns, 0, (a, b) => string.CompareOrdinal(a.Subject, b.Subject));
        _table = new QueryTable<ReadingRow>(ReadingRow.Columns, query, r => r.Key, 16, 20, colors);
        _table.View.Y = Pos.Bottom(_checks.View);
        _table.View.Height = Dim.Fill();
        _content = new View { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _content.Add(_header, _checks.View, _table.View);
    }

    public string Name => _host;

    public View Content => _content;

    public IReadOnlyList<KeyHelp> Keys => [SilenceKeys.Help with { What = "silence this host or its selected check (asks first)" }, .. QueryTable<ReadingRow>.SortKeys];

    /// <summary>`s` silences this host or its selected check; null where the console has no operator API.</summary>
    public SilenceKeys? Silencing { get; init; }

    public bool Filterable => true;

    public string Filter
    {
        get => _table.Filter;
        set => _table.Filter = value;
    }

    public string Context => $"{_checks.Rows.Count} checks · {_table.Rows.Count} readings · sort {_table.Query.SortLabel}";

    internal IReadOnlyList<CheckRow> Checks => _checks.Rows;

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
        _header.Text = string.Join('\n', Identity(host, row), Scores(row), _checksNote);
        _table.Show(host.Latest.Select(ReadingRow.From));
        string changes = $"{host.Liveness} {host.Checks} {host.Heals}";
        if (_getHost is not null && !_loading && changes != _loadedFor)
        {
            LoadChecks(changes);
        }
    }

    public bool HandleKey(Key key, IScreenHost host)
    {
        if (key == Key.S)
        {
            SilenceKeys.Offer(Silencing, SilenceSubject.Of(_host, _checks.Selected?.Check), host);
            return true;
        }

        return _table.HandleSortKey(key);
    }

    public void Dispose()
    {
        _disposed = true;
        _content.Dispose();
    }

    private async void LoadChecks(string changes)
    {
        _loading = true;
        string note;
        IReadOnlyList<CheckRow> rows = [];
        try
        {
            GetHostResponse response = await _getHost!(_host);
            rows = response.Checks.Select(c => new CheckRow(c)).ToList();
            note = CheckSummary(rows);
        }
        catch (Grpc.Core.RpcException ex)
        {
            note = $"checks: {Client.RpcFailure.Describe(ex)}";
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or InvalidOperationException)
        {
            note = $"checks: {ex.Message}";
        }

        _post(() =>
        {
            _loading = false;
            _loadedFor = changes;
            if (!_disposed)
            {
                _checksNote = note;
                _checks.Show(rows);
                Refresh();
            }
        });
    }

    private static string CheckSummary(IReadOnlyList<CheckRow> rows)
    {
        IEnumerable<string> counts = rows.GroupBy(r => r.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        return rows.Count == 0 ? "checks: none reported yet" : $"checks: {string.Join(", ", counts)}";
    }

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

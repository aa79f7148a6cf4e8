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
/// One host, opened with Enter from the fleet: who it is and its scores, then three panes — every
/// check (state, SOFT/HARD, attempt, heal budget left), the heal history, and a sparkline per
/// reading. GetHost is fetched when the view opens and again when the host feed says the checks,
/// heals, heal budgets or liveness changed; between fetches the sparklines grow with each batch the
/// feed (WatchHosts) pushes. No polling.
/// </summary>
internal sealed class HostScreen : IScreen
{
    public const string PendingApiNote = "checks and heal history need GetHost, not on this aggregator yet";

    // Until GetHost answers; "checks: " is kept for the answer, which end-to-end tests wait for.
    private const string LoadingNote = "loading checks…";

    private const int HeaderLines = 2;

    private static readonly string[] PaneNames = ["checks", "heal history", "readings"];

    private readonly HostListState _state;
    private readonly string _host;
    private readonly Func<string, Task<GetHostResponse>>? _getHost;
    private readonly Action<Action> _post;
    private readonly SparkGlyphs _glyphs;
    private readonly Label _header;
    private readonly HostPane<CheckRow> _checks;
    private readonly HostPane<HealRow> _heals;
    private readonly HostPane<ReadingRow> _readings;
    private readonly IHostPane[] _panes;
    private readonly View _content;
    private readonly ReadingHistory _history = new();
    private IReadOnlyList<EvidenceHeal> _healEvents = [];
    private IReadOnlyList<ReadingSeries>? _shownSeries;
    private IReadOnlyList<ReadingRow> _allRows = [];
    private string _checksNote;
    private string? _loadedFor;
    private bool _loading;
    private bool _disposed;
    private bool _allReadings;
    private bool _haveDetail;
    private int _focused;

    /// <param name="getHost">GetHost for checks, heals and recent readings; null where the console has no such call.</param>
    /// <param name="glyphs">Sparkline glyphs; null means unicode blocks.</param>
    public HostScreen(HostListState state, string host, bool colors, Func<string, Task<GetHostResponse>>? getHost = null, Action<Action>? post = null,
        SparkGlyphs? glyphs = null)
    {
        _state = state;
        _host = host;
        _state.Follow(host);
        _getHost = getHost;
        _checksNote = getHost is null ? PendingApiNote : LoadingNote;
        _post = post ?? (action => action());
        _glyphs = glyphs ?? SparkGlyphs.Blocks;
        _header = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = HeaderLines, Text = string.Empty };

        // Checks worst state first (CRIT, WARN, UNKNOWN, OK); heals newest first; readings by name.
        _checks = new(new QueryTable<CheckRow>(CheckRow.Columns, new(CheckRow.Columns, 1, (a, b) => string.CompareOrdinal(a.Key, b.Key)), r => r.Key, 16, 20, colors));
        _heals = new(new QueryTable<HealRow>(HealRow.Columns, new(HealRow.Columns, 1, (a, b) => string.CompareOrdinal(a.Key, b.Key)), r => r.Key, 16, 20, colors));
        _readings = new(new QueryTable<ReadingRow>(ReadingRow.Columns, new(ReadingRow.Columns, 0, (a, b) => string.CompareOrdinal(a.Key, b.Key)), r => r.Key, 16, 24, colors));
        _panes = [_checks, _heals, _readings];
        _content = new View { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _content.Add(_header);
        for (int i = 0; i < _panes.Length; i++)
        {
            int pane = i;
            View view = _panes[i].View;
            view.Y = i == 0 ? HeaderLines : Pos.Bottom(_panes[i - 1].View);
            view.Height = Dim.Func(_ => Heights()[pane], _content);
            _content.Add(view);
        }
    }

    public string Name => _host;

    public View Content => _content;

    public IReadOnlyList<KeyHelp> Keys { get; } =
    [
        SilenceKeys.Help with { What = "silence this host or its selected check (asks first)" },
        new("Tab / Shift+Tab", "next / previous pane: checks, heal history, readings (it grows; ↑ ↓ and o/O act on it)"),
        new("m", "readings: the key ones (CPU, memory, swap, load, score, disk, fs, net) or all of them"),
        .. QueryTable<ReadingRow>.SortKeys,
    ];

    /// <summary>`s` silences this host or its selected check; null where the console has no operator API.</summary>
    public SilenceKeys? Silencing { get; init; }

    public bool Filterable => true;

    /// <summary>One filter for the three panes: "/var" shows the checks, heals and readings about /var.</summary>
    public string Filter
    {
        get => _readings.Filter;
        set
        {
            foreach (IHostPane pane in _panes)
            {
                pane.Filter = value;
            }

            _content.SetNeedsLayout();
        }
    }

    // The counts are in the pane titles; the line says which pane the keys act on and its sort.
    public string Context => $"{PaneNames[_focused]} sorted by {_panes[_focused].SortLabel}";

    internal IReadOnlyList<CheckRow> Checks => _checks.Table.Rows;

    internal IReadOnlyList<HealRow> Heals => _heals.Table.Rows;

    internal IReadOnlyList<ReadingRow> Readings => _readings.Table.Rows;

    internal int FocusedPane => _focused;

    public void Refresh()
    {
        HostCard? card = _state.Card(_host);
        if (card is null)
        {
            _header.Text = $"{_host}: the aggregator no longer lists this host";
            return;
        }

        // The whole summary (every reading) comes with the host's next batch or with GetHost.
        HostSummary? host = _state.Find(_host);
        FleetRow row = card.RowAt(_state.ServerNow);
        _header.Text = string.Join('\n', Identity(card, row), Scores(row));
        if (host is not null)
        {
            _history.Append(host.Latest);
        }
        else if (_history.Batches == 0)
        {
            _history.Append(card.KeyReadings());
        }

        _heals.Show(_healEvents.Select(e => new HealRow(e, _state.ServerNow)));
        ShowReadings();
        Titles();
        _content.SetNeedsLayout();
        string changes = host is null ? string.Empty : ChangeKey(host);
        if (_getHost is not null && !_loading && changes != _loadedFor)
        {
            LoadDetail(changes);
        }
    }

    public bool HandleKey(Key key, IScreenHost host)
    {
        if (key == Key.S)
        {
            SilenceKeys.Offer(Silencing, SilenceSubject.Of(_host, _checks.Table.Selected?.Check), host);
            return true;
        }

        if (key == Key.Tab || key == Key.Tab.WithShift)
        {
            _focused = (_focused + (key == Key.Tab ? 1 : _panes.Length - 1)) % _panes.Length;
            _panes[_focused].Focus();
            Titles();
            _content.SetNeedsLayout();
            return true;
        }

        if (key == Key.M)
        {
            _allReadings = !_allReadings;
            _shownSeries = null;
            ShowReadings();
            Titles();
            _content.SetNeedsLayout();
            return true;
        }

        return _panes[_focused].HandleSortKey(key);
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _state.Unfollow(_host);
        }

        _disposed = true;
        _content.Dispose();
    }

    private int[] Heights() => PaneHeights.Split(Math.Max(0, _content.Viewport.Height - HeaderLines), _panes.Select(p => p.RowCount).ToArray(), _focused);

    // Sparklines are rendered again only when a batch arrived or `m` switched the set.
    private void ShowReadings()
    {
        IReadOnlyList<ReadingSeries> series = _history.Series();
        if (ReferenceEquals(series, _shownSeries))
        {
            return;
        }

        _shownSeries = series;
        _allRows = series.Select(s => ReadingRow.From(s, _glyphs)).ToList();
        _readings.Show(_allReadings ? _allRows : _allRows.Where(r => r.IsKey));
    }

    private void Titles()
    {
        int keyCount = _allRows.Count(r => r.IsKey);
        string readings = _allReadings
            ? $"readings: all {_allRows.Count} over the last {_history.Batches} batches (m: key ones only)"
            : $"readings: {keyCount} key of {_allRows.Count} over the last {_history.Batches} batches (m: all)";
        string heals = _getHost is null ? "heal history: needs GetHost"
            : _loadedFor is null ? "heal history: loading…"
            : !_haveDetail ? "heal history: unavailable, GetHost failed (see above)"
            : _healEvents.Count == 0 ? "heal history: no heal events stored for this host"
            : $"heal history: {_healEvents.Count} events, newest first";
        string[] titles = [_checksNote, heals, readings];
        for (int i = 0; i < _panes.Length; i++)
        {
            _panes[i].Title = (i == _focused ? "> " : "  ") + titles[i];
        }
    }

    // What makes GetHost worth calling again: liveness, check and heal counts, and the heal budgets.
    private static string ChangeKey(HostSummary host) =>
        $"{host.Liveness} {host.Checks} {host.Heals} " + string.Join(',', host.Latest.Where(r => r.Name == "heal.budget_left").Select(r => $"{r.Subject}={r.Last}"));

    private async void LoadDetail(string changes)
    {
        _loading = true;
        string note;
        GetHostResponse? response = null;
        try
        {
            response = await _getHost!(_host);
            note = CheckSummary(response.Checks);
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
            if (_disposed)
            {
                return;
            }

            _checksNote = note;
            if (response is not null)
            {
                if (response.Host is { } summary && summary.Host == _host && _state.Seed(summary))
                {
                    _loadedFor = ChangeKey(summary);
                }

                _checks.Show(response.Checks.Select(c => new CheckRow(c)));
                _healEvents = response.Heals.ToList();
                _history.Reset(response.Recent);
                _haveDetail = true;
            }

            Refresh();
        });
    }

    private static string CheckSummary(IReadOnlyCollection<HostCheckState> checks)
    {
        IEnumerable<string> counts = checks.GroupBy(c => IncidentEvidence.Word(c.State)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        return checks.Count == 0 ? "checks: none reported yet" : $"checks: {string.Join(", ", counts)}";
    }

    private static string Identity(HostCard card, FleetRow row)
    {
        string kernel = card.Kernel.Length == 0 ? string.Empty : $" · kernel {card.Kernel}";
        string cpus = card.CpuCount == 0 ? string.Empty : $" · {card.CpuCount} cpus";
        return $"agent {row.Agent} (v{row.AgentVersion}) · seen {row.LastSeen} ago{cpus}{kernel}";
    }

    private static string Scores(FleetRow row)
    {
        IEnumerable<string> parts = HealthComponents.Headers.Select((name, i) => $"{name.ToLowerInvariant()} {ScoreBands.Cell(row.Scores.Components[i])}");
        return $"health {row.Health} · {string.Join(" ", parts)}";
    }
}

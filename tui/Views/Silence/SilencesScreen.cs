using System.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Warden.Proto.V1;
using Warden.Tui.Client;
using Warden.Tui.Views.Actions;
using Warden.Tui.Views.Shell;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Silence;

/// <summary>
/// `:silences`: the silences from ListSilences, ending soonest first; x expires the selected one
/// (asks for a comment, then confirms). There is no silence stream, so the list is read when
/// opened, after an expire, and on R.
/// </summary>
internal sealed class SilencesScreen : IScreen
{
    private readonly ConsoleOperator _calls;
    private readonly Action<Action> _post;
    private readonly Func<DateTimeOffset> _serverNow;
    private readonly QueryTable<SilenceRow> _table;
    private readonly RemoteLoad<ListSilencesResponse> _load;
    private string? _failure = "loading…";
    private bool _showExpired;

    public SilencesScreen(ConsoleOperator calls, Action<Action> post, Func<DateTimeOffset> serverNow, bool colors)
    {
        _calls = calls;
        _post = post;
        _serverNow = serverNow;
        var query = new TableQuery<SilenceRow>(SilenceRow.Columns, 3, (a, b) => a.Silence.Id.CompareTo(b.Silence.Id));
        _table = new QueryTable<SilenceRow>(SilenceRow.Columns, query, r => r.Key, 16, 30, colors);
        _load = new RemoteLoad<ListSilencesResponse>(() => _calls.ListSilencesAsync(_showExpired), post, Loaded, why => _failure = $"silences: {why}");
        _load.Start();
    }

    public string Name => "silences";

    public View Content => _table.View;

    public IReadOnlyList<KeyHelp> Keys { get; } =
    [
        new("x", "expire the selected silence now, with a comment (asks first)"),
        new("t", "show expired silences too, or hide them again"),
        new("R", "read the silences again (there is no silence stream)"),
        .. QueryTable<SilenceRow>.SortKeys,
    ];

    public bool Filterable => true;

    public string Filter
    {
        get => _table.Filter;
        set => _table.Filter = value;
    }

    public string Context => $"{_failure ?? $"{_table.Rows.Count} shown"}{(_showExpired ? " with expired" : string.Empty)} · sort {_table.Query.SortLabel}";

    internal IReadOnlyList<SilenceRow> Rows => _table.Rows;

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

        string? typed = !key.IsCtrl && !key.IsAlt && key.TryGetPrintableRune(out Rune rune) ? rune.ToString() : null;
        if (typed == "t")
        {
            _showExpired = !_showExpired;
            _load.Start();
            return true;
        }

        if (typed == "x")
        {
            Expire(_table.Selected?.Silence, host);
            return true;
        }

        return _table.HandleSortKey(key);
    }

    public void Dispose()
    {
        _load.Stop();
        _table.View.Dispose();
    }

    private void Expire(SilenceInfo? silence, IScreenHost host)
    {
        if (silence is null)
        {
            host.Flash("no silence selected");
            return;
        }

        string matchers = SilenceWords.Matchers(silence);
        host.Prompt($"expire silence {silence.Id} ({matchers}), why:", comment =>
            host.Confirm($"expire silence {silence.Id} ({matchers}) now?", () =>
                OperatorRequest.Send(host, _post, $"silence {silence.Id}: sending…", () => _calls.ExpireSilenceAsync(silence.Id, comment),
                    expired =>
                    {
                        host.Flash($"silence {expired.Id} expired");
                        _load.Start();
                    },
                    why => $"silence {silence.Id} not expired: {why}")));
    }

    private void Loaded(ListSilencesResponse response)
    {
        DateTimeOffset now = _serverNow();
        _table.Show(response.Silences.Select(s => new SilenceRow(s, SilenceWords.State(s, now))).ToList());
        _failure = null;
    }
}

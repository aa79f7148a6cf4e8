using System.Collections.ObjectModel;
using System.Text;
using Grpc.Core;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Warden.Proto.V1;
using Warden.Tui.Client;
using Warden.Tui.Formatting;
using Warden.Tui.Model;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Views.Incidents;

/// <summary>
/// One incident (Enter from the list): its header, the timeline (detected, classified by which
/// rule, heals, escalations, acknowledgements, comments) and the evidence, from GetIncident. When the
/// incident stream says it changed, the page is fetched again; no polling.
/// </summary>
internal sealed class IncidentScreen : IScreen
{
    private readonly ulong _id;
    private readonly IncidentListState _state;
    private readonly IIncidentActions _actions;
    private readonly IncidentActionKeys _keys;
    private readonly Action<Action> _post;
    private readonly ListView _text;
    private IncidentSummary? _shown;
    private bool _loading;
    private bool _disposed;

    public IncidentScreen(ulong id, IncidentListState state, IIncidentActions actions, IncidentActionKeys keys, Action<Action> post)
    {
        _id = id;
        _state = state;
        _actions = actions;
        _keys = keys;
        _post = post;
        // A list of lines, so the arrows and page keys scroll a long timeline.
        _text = new ListView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        Show($"loading incident {id}…");
    }

    public string Name => $"incident {_id}";

    public View Content => _text;

    public IFeedStatus Feed => _state;

    public IReadOnlyList<KeyHelp> Keys { get; } =
    [
        .. IncidentActionKeys.Help,
        new("↑ ↓ PgUp PgDn", "scroll the timeline and evidence"),
    ];

    public bool Filterable => false;

    public string Filter { get => string.Empty; set { } }

    public string Context => _shown is null ? string.Empty : $"{IncidentWords.Severity(_shown.Severity)} {IncidentWords.State(_shown.State)}";

    internal string Text { get; private set; } = string.Empty;

    public void Refresh()
    {
        // Fetch the page when first shown, and again whenever the stream brings a newer summary.
        IncidentSummary? live = _state.Find(_id);
        if (!_loading && (_shown is null || (live is not null && !live.Equals(_shown))))
        {
            Load();
        }
    }

    public bool HandleKey(Key key, IScreenHost host)
    {
        string? typed = !key.IsCtrl && !key.IsAlt && key.TryGetPrintableRune(out Rune rune) ? rune.ToString() : null;
        return _keys.Handle(typed, _shown ?? _state.Find(_id), host);
    }

    public void Dispose()
    {
        _disposed = true;
        _text.Dispose();
    }

    private void Show(string text)
    {
        Text = text;
        _text.SetSource(new ObservableCollection<string>(text.TrimEnd('\n').Split('\n')));
    }

    private async void Load()
    {
        _loading = true;
        string text;
        IncidentSummary? summary = null;
        try
        {
            IncidentDetail detail = await _actions.GetAsync(_id);
            summary = detail.Summary;
            text = IncidentText.Detail(detail, _state.ServerNow);
        }
        catch (RpcException ex)
        {
            text = ex.StatusCode == StatusCode.NotFound ? $"incident {_id}: not found on the aggregator" : $"incident {_id}: {RpcFailure.Describe(ex)}";
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or InvalidOperationException)
        {
            text = $"incident {_id}: {ex.Message}";
        }

        _post(() =>
        {
            _loading = false;
            if (!_disposed)
            {
                _shown = summary ?? _shown ?? new IncidentSummary { Id = _id };
                Show(text);
            }
        });
    }
}

using System.Collections.ObjectModel;
using System.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Warden.Proto.V1;
using Warden.Tui.Client;
using Warden.Tui.Views.Actions;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Views.Report;

/// <summary>
/// `:report [PERIOD]`: the `warden report` figures from GetReport, as scrollable lines. p steps the
/// period (1d, 7d, 30d, 90d) and reads it again; R reads it again. A report is computed
/// from history on demand (there is no report stream), so it is not refreshed by itself.
/// </summary>
internal sealed class ReportScreen : IScreen
{
    private readonly ListView _lines;
    private readonly RemoteLoad<ResilienceReport> _load;
    private ResilienceReport? _report;
    private int _renderedWidth;
    private string _note = "loading…";

    public ReportScreen(ConsoleOperator calls, Action<Action> post, TimeSpan period)
    {
        Period = period;
        _lines = new ListView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _load = new RemoteLoad<ResilienceReport>(() => calls.GetReportAsync(Period), post, Loaded, Failed);
        Show([$"reading the report for the last {ReportPeriods.Words(period)}…"]);
        _load.Start();
    }

    public TimeSpan Period { get; private set; }

    public string Name => "report";

    public View Content => _lines;

    public IReadOnlyList<KeyHelp> Keys { get; } =
    [
        new("p", "next period: 1d, 7d, 30d, 90d (:report 12h for any other)"),
        new("R", "compute the report again"),
        new("↑ ↓ PgUp PgDn", "scroll the figures and tables"),
    ];

    public bool Filterable => false;

    public string Filter { get => string.Empty; set { } }

    public string Context => $"last {ReportPeriods.Words(Period)} · {_note}";

    internal string Text { get; private set; } = string.Empty;

    public void Refresh()
    {
        // Re-laid out when the terminal is resized: the headline table stacks below 80 columns.
        if (_report is not null && _lines.Viewport.Width != _renderedWidth)
        {
            Render();
        }
    }

    public bool HandleKey(Key key, IScreenHost host)
    {
        if (key == Key.R.WithShift)
        {
            Reload();
            return true;
        }

        if (!key.IsCtrl && !key.IsAlt && key.TryGetPrintableRune(out Rune rune) && rune.Value == 'p')
        {
            Period = ReportPeriods.Next(Period);
            Reload();
            return true;
        }

        return false;
    }

    public void Dispose()
    {
        _load.Stop();
        _lines.Dispose();
    }

    private void Reload()
    {
        _note = "loading…";
        _load.Start();
    }

    private void Loaded(ResilienceReport report)
    {
        _report = report;
        _note = "p: period, R: again";
        Render();
    }

    private void Failed(string why)
    {
        _note = "failed";
        Show([$"report: {why}", string.Empty, "R tries again."]);
    }

    private void Render()
    {
        _renderedWidth = _lines.Viewport.Width;
        Show(ReportText.Lines(_report!, _renderedWidth > 0 ? _renderedWidth : 78));
    }

    private void Show(IReadOnlyList<string> lines)
    {
        Text = string.Join('\n', lines);
        _lines.SetSource(new ObservableCollection<string>(lines));
    }
}

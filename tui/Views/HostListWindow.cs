using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Warden.Tui.Model;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Warden.Tui.Views;

/// <summary>
/// The host list screen: banner line, status line, host table, key hint. Everything it shows
/// comes from <see cref="HostListState"/>; call <see cref="Refresh"/> on the UI thread.
/// </summary>
internal sealed class HostListWindow : Window
{
    private const string TitleText = "warden · hosts";

    private readonly HostListState _state;
    private readonly string _address;
    private readonly Label _banner;
    private readonly Label _status;
    private readonly TableView _table;

    public HostListWindow(HostListState state, string address, bool colors)
    {
        _state = state;
        _address = address;
        Title = TitleText;

        // Auto width: the banner's color covers its words only, and nothing while it is empty.
        _banner = new Label { X = 0, Y = 0, Text = string.Empty };
        _status = new Label { X = 0, Y = 1, Width = Dim.Fill(), Height = 1, Text = string.Empty };
        _table = new TableView
        {
            X = 0,
            Y = 2,
            Width = Dim.Fill(),
            Height = Dim.Fill(1),
            FullRowSelect = true,
            Table = new HostTableSource([]),
        };
        HostTableLayout.Apply(_table.Style);
        _table.ViewportChanged += (_, _) =>
        {
            if (HostTableLayout.FitWidth(_table.Style, _table.Viewport.Width))
            {
                _table.Update();
            }
        };
        var hint = new Label { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1, Text = "q/Esc quit  ↑↓ scroll" };

        if (colors)
        {
            _banner.SetScheme(new Scheme(new Attribute(Color.White, Color.Red)));
        }

        Add(_banner, _status, _table, hint);
        Refresh();
    }

    public void Refresh()
    {
        // Said in words as well as color, so it survives NO_COLOR and monochrome terminals.
        Title = _state.IsStale ? TitleText + " (stale)" : TitleText;
        _banner.Text = _state.Banner ?? string.Empty;
        _status.Text = _state.StatusLine(_address);
        _table.Table = new HostTableSource(_state.Rows());
        _table.Update();
    }
}

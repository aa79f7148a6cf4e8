using System.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Warden.Tui.Views.Shell;

/// <summary>
/// `?`: every key of the view underneath, then the global keys. Longer than the screen at 80x24 for
/// the busier views, so ↑ ↓ PgUp PgDn Home End scroll it and the line under the title says which
/// lines show. Esc or q goes back.
/// </summary>
internal sealed class HelpScreen : IScreen
{
    private readonly Label _text;
    private readonly string[] _lines;
    private int _top;

    public HelpScreen(IScreen underneath)
    {
        _lines = Render(underneath).TrimEnd('\n').Split('\n');
        _text = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true, Text = string.Join('\n', _lines) };
    }

    public string Name => "help";

    public View Content => _text;

    public IReadOnlyList<KeyHelp> Keys => [];

    public bool Filterable => false;

    public string Filter { get => string.Empty; set { } }

    public string Context => _text.Viewport.Height == 0 ? "↑ ↓ PgUp PgDn scroll"
        : _lines.Length <= Page ? string.Empty
        : $"lines {_top + 1}-{Math.Min(_lines.Length, _top + Page)} of {_lines.Length} · ↑ ↓ PgUp PgDn scroll";

    private int Page => Math.Max(1, _text.Viewport.Height);

    public void Refresh()
    {
    }

    public bool HandleKey(Key key, IScreenHost host)
    {
        int top = key == Key.CursorDown ? _top + 1
            : key == Key.CursorUp ? _top - 1
            : key == Key.PageDown || key == Key.Space ? _top + Page
            : key == Key.PageUp ? _top - Page
            : key == Key.Home ? 0
            : key == Key.End ? _lines.Length
            : int.MinValue;
        if (top == int.MinValue)
        {
            return false;
        }

        _top = Math.Clamp(top, 0, Math.Max(0, _lines.Length - Page));
        _text.Text = string.Join('\n', _lines.AsSpan(_top).ToArray());
        return true;
    }

    public void Dispose() => _text.Dispose();

    internal static string Render(IScreen underneath)
    {
        int width = underneath.Keys.Concat(GlobalKeys.All).Max(k => k.Keys.Length) + 2;
        var text = new StringBuilder();
        text.Append("Keys in ").Append(underneath.Name).Append('\n');
        foreach (KeyHelp key in underneath.Keys)
        {
            text.Append("  ").Append(key.Keys.PadRight(width)).Append(key.What).Append('\n');
        }

        text.Append("\nEverywhere\n");
        foreach (KeyHelp key in GlobalKeys.All)
        {
            text.Append("  ").Append(key.Keys.PadRight(width)).Append(key.What).Append('\n');
        }

        return text.ToString();
    }
}

using System.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Warden.Tui.Views.Shell;

/// <summary>`?`: every key of the view underneath, then the global keys. Esc or q goes back.</summary>
internal sealed class HelpScreen : IScreen
{
    private readonly Label _text;

    public HelpScreen(IScreen underneath)
    {
        _text = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true, Text = Render(underneath) };
    }

    public string Name => "help";

    public View Content => _text;

    public IReadOnlyList<KeyHelp> Keys => [];

    public bool Filterable => false;

    public string Filter { get => string.Empty; set { } }

    public string Context => string.Empty;

    public void Refresh()
    {
    }

    public bool HandleKey(Key key, IScreenHost host) => false;

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

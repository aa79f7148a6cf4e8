using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Tests.Fixtures;

/// <summary>A view with one state-changing key, x, that asks for confirmation and counts the runs.</summary>
internal sealed class ActionProbeScreen : IScreen
{
    private readonly Label _content = new() { Text = "probe", CanFocus = true };

    public int Runs { get; private set; }

    /// <summary>What followed the view's name on the command bar.</summary>
    public string Argument { get; init; } = string.Empty;

    public string Name => "probe";

    public View Content => _content;

    public IReadOnlyList<KeyHelp> Keys { get; } = [new("x", "acknowledge INC-7")];

    public bool Filterable => false;

    public string Filter { get; set; } = string.Empty;

    public string Context => string.Empty;

    public void Refresh()
    {
    }

    public bool HandleKey(Key key, IScreenHost host)
    {
        if (key != Key.X)
        {
            return false;
        }

        host.Confirm("Acknowledge INC-7?", () => Runs++);
        return true;
    }

    public void Dispose() => _content.Dispose();
}

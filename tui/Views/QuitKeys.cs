using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace Warden.Tui.Views;

/// <summary>q and Esc stop the app.</summary>
internal static class QuitKeys
{
    public static void Attach(IApplication app)
    {
        // Application-level KeyDown runs before any view, so the table's type-to-search never eats the q.
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (key == Key.Q || key == Key.Esc)
            {
                app.RequestStop();
                key.Handled = true;
            }
        };
    }
}

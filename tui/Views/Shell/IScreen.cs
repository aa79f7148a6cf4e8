using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace Warden.Tui.Views.Shell;

/// <summary>
/// One view on the navigation stack (fleet, host, help, and later incidents, incident, report,
/// audit). The shell owns the frame and the global keys; a screen owns its content and its own keys.
/// </summary>
internal interface IScreen : IDisposable
{
    /// <summary>Breadcrumb in the title: "hosts", "web-01", "help".</summary>
    string Name { get; }

    View Content { get; }

    /// <summary>The keys this screen adds to the global ones, for `?`.</summary>
    IReadOnlyList<KeyHelp> Keys { get; }

    /// <summary>False where `/` has nothing to filter.</summary>
    bool Filterable { get; }

    string Filter { get; set; }

    /// <summary>What the screen is showing, for the line under the title ("sort HEALTH↑").</summary>
    string Context { get; }

    /// <summary>Re-reads the model; called when the feed changed and once a second for ages.</summary>
    void Refresh();

    /// <summary>The feed this screen shows, for the banner and status line; null means the host feed.</summary>
    Model.IFeedStatus? Feed => null;

    /// <summary>
    /// The words after the view's name in the command bar (`:incidents p1 ack`); false with a message
    /// naming what was wrong when the screen cannot take them.
    /// </summary>
    bool Apply(string arguments, out string error)
    {
        error = $":{Name} takes nothing after its name (got '{arguments}')";
        return false;
    }

    /// <summary>A key the shell did not take: return true if it was this screen's.</summary>
    bool HandleKey(Key key, IScreenHost host);
}

/// <summary>A key and what it does, one line of the help screen.</summary>
internal sealed record KeyHelp(string Keys, string What);

namespace Warden.Tui.Views.Shell;

/// <summary>How the console was started: which aggregator, and whether actions that change state are off.</summary>
internal sealed record ShellOptions(string Address, bool ReadOnly)
{
    /// <summary>
    /// The least time between two redraws that feed updates ask for. A site of 5,000 hosts shipping
    /// every 10 s sends 500 updates a second, and one redraw of that list costs tens of milliseconds,
    /// so redrawing per update kept a core busy; twice a second is live to an eye. Keys redraw at once.
    /// </summary>
    public TimeSpan RefreshEvery { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The clock that spaces those redraws (tests pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

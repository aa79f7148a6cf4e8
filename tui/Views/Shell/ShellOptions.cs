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

    /// <summary>
    /// How often a feed-driven redraw also rewrites every table cell. Tables write only cells whose
    /// text changed, and a frame Terminal.Gui failed to write to the terminal (a full pty on a slow
    /// link) would otherwise leave unchanged cells blank until they change; this bounds how long.
    /// At 200x60 a full table write costs ~20 ms. Ctrl+L rewrites the whole screen at once.
    /// </summary>
    public TimeSpan RepaintEvery { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock that spaces those redraws (tests pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

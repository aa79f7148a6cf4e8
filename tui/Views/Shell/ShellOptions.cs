namespace Warden.Tui.Views.Shell;

/// <summary>How the console was started: which aggregator, and whether actions that change state are off.</summary>
internal sealed record ShellOptions(string Address, bool ReadOnly);

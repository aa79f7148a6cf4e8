namespace Warden.Tui.Views.Shell;

/// <summary>The keys every view has, listed first by `?`.</summary>
internal static class GlobalKeys
{
    public static readonly IReadOnlyList<KeyHelp> All =
    [
        new("?", "this help"),
        new(":name Enter", "jump to a view: :hosts :incidents :report :audit :silences"),
        new(":q Enter", "quit"),
        new(":report 7d", "the report over another period (12h, 7d, 30d, at most 366d)"),
        new("/text", "filter as you type (any column, any case); Enter keeps it"),
        new("Esc", "clear the filter, else go back one view"),
        new("q", "go back one view; quit from the top view"),
        new("↑ ↓ PgUp PgDn", "move the cursor; Home/End jump to the first/last row"),
        new("y / n", "answer a confirmation (anything but y cancels)"),
        new("Ctrl+L", "redraw the whole screen (after a garbled terminal)"),
    ];
}

namespace Warden.Tui.Views.Host;

/// <summary>
/// How the host view's rows are shared among its panes: each pane first gets its title, its header
/// and up to <see cref="CollapsedRows"/> rows; then the focused pane grows to show all its rows,
/// then the others in order, while rows are left.
/// </summary>
internal static class PaneHeights
{
    public const int CollapsedRows = 2;

    /// <param name="rows">Each pane's row count.</param>
    public static int[] Split(int available, IReadOnlyList<int> rows, int focused)
    {
        // A pane without rows is its title line alone; else title, header, rows.
        int[] wants = rows.Select(r => r == 0 ? 1 : 2 + r).ToArray();
        int[] heights = wants.Select(w => Math.Min(w, 2 + CollapsedRows)).ToArray();
        int left = available - heights.Sum();
        foreach (int pane in Enumerable.Range(0, rows.Count).OrderBy(i => i == focused ? 0 : 1))
        {
            int more = Math.Clamp(wants[pane] - heights[pane], 0, Math.Max(0, left));
            heights[pane] += more;
            left -= more;
        }

        return heights;
    }
}

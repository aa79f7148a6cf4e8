using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Warden.Tui.Views;

/// <summary>
/// Column widths that keep all seven columns on screen down to 80x24 (78 cells inside the window
/// border). The HOST column takes what the other columns leave; a longer name ends in an ellipsis
/// rather than pushing LOAD and AGENT off screen.
/// </summary>
internal static class HostTableLayout
{
    private const int Host = 0, Cpu = 3, Mem = 4, Load = 5, Agent = 6;

    // STATE 12 + LAST SEEN 9 + CPU% 5 + MEM% 5 + LOAD 17 + AGENT 6 + 6 separators.
    private const int OtherColumns = 60;
    private const int MinHostWidth = 18;

    public static void Apply(TableStyle style)
    {
        style.ShowHorizontalHeaderOverline = false;
        style.ShowVerticalCellLineForFirstColumn = false;
        style.ShowVerticalCellLineForLastColumn = false;
        style.ShowHorizontalBottomLine = false;
        style.AlwaysShowHeaders = true;

        style.GetOrCreateColumnStyle(Cpu).Alignment = Alignment.End;
        style.GetOrCreateColumnStyle(Mem).Alignment = Alignment.End;
        style.GetOrCreateColumnStyle(Load).MaxWidth = 17;
        style.GetOrCreateColumnStyle(Agent).MaxWidth = 10;
        FitWidth(style, 0);
    }

    /// <summary>Gives HOST the width the table has left over; returns true when that changed.</summary>
    public static bool FitWidth(TableStyle style, int tableWidth)
    {
        int hostWidth = Math.Max(MinHostWidth, tableWidth - OtherColumns);
        ColumnStyle host = style.GetOrCreateColumnStyle(Host);
        if (host.MaxWidth == hostWidth)
        {
            return false;
        }

        host.MaxWidth = hostWidth;
        return true;
    }
}

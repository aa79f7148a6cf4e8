using Terminal.Gui.Drawing;
using Warden.Tui.Formatting;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Warden.Tui.Views.Tables;

/// <summary>
/// Score band colours from the 16-colour palette (every terminal has them). The cell text carries
/// the band as well ("~" degraded, "!" unhealthy), so nothing depends on the colour alone.
/// </summary>
internal static class ScorePalette
{
    public static Color? Foreground(ScoreBand band) => band switch
    {
        ScoreBand.Healthy => Color.Green,
        ScoreBand.Degraded => Color.BrightYellow,
        ScoreBand.Unhealthy => Color.BrightRed,
        _ => null,
    };
}

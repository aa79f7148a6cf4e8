using Warden.Tui.Formatting;

namespace Warden.Tui.Views.Tables;

/// <summary>
/// One column of a screen's table: its header, how wide it is, how a row shows in it and how rows
/// order by it. <see cref="Optional"/> columns are the ones dropped first on a narrow terminal.
/// </summary>
internal sealed record TableColumn<TRow>(string Header, int Width, Func<TRow, string> Cell, Comparison<TRow> Order)
{
    public bool RightAligned { get; init; }

    public bool Optional { get; init; }

    /// <summary>The capital letter that sorts by this column (k9s: Shift+N sorts by name); null for none.</summary>
    public char? SortKey { get; init; }

    /// <summary>When set, the cell is coloured by the score band it returns.</summary>
    public Func<TRow, ScoreBand>? Band { get; init; }
}

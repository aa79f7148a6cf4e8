using Terminal.Gui.Views;
using Warden.Tui.Formatting;

namespace Warden.Tui.Views;

/// <summary>Feeds formatted host rows to a TableView without DataTable (which is reflection-heavy).</summary>
internal sealed class HostTableSource(IReadOnlyList<HostRow> rows) : ITableSource
{
    private readonly string[][] _cells = rows.Select(r => r.Cells()).ToArray();

    public string[] ColumnNames => HostRow.Headers;

    public int Columns => HostRow.Headers.Length;

    public int Rows => _cells.Length;

    public object this[int row, int col] => _cells[row][col];
}

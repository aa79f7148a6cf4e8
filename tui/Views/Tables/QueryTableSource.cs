using Terminal.Gui.Views;

namespace Warden.Tui.Views.Tables;

/// <summary>
/// Feeds rows to a TableView without DataTable (reflection-heavy): cells are formatted only when
/// the table asks, which is only for the rows on screen.
/// </summary>
internal sealed class QueryTableSource<TRow>(IReadOnlyList<TRow> rows, IReadOnlyList<TableColumn<TRow>> columns) : ITableSource
{
    private readonly string[] _headers = columns.Select(c => c.Header).ToArray();

    public IReadOnlyList<TRow> RowList => rows;

    public IReadOnlyList<TableColumn<TRow>> ColumnList => columns;

    public string[] ColumnNames => _headers;

    public int Columns => _headers.Length;

    public int Rows => rows.Count;

    public object this[int row, int col] => columns[col].Cell(rows[row]);
}
